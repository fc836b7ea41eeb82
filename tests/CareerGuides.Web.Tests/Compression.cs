using System.IO.Compression;

namespace CareerGuides.Web.Tests;

/// <summary>Reading back what the site or the export compressed.</summary>
internal static class Compression
{
    /// <summary>The bytes of a body sent or written with Content-Encoding <paramref name="encoding"/> ("br" or "gzip").</summary>
    public static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
