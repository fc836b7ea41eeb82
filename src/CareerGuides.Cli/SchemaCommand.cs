using CareerGuides.Content.Schema;

namespace CareerGuides.Cli;

/// <summary>Regenerates docs/schema/*.schema.json and the field tables in docs/content.md from the C# front-matter model.</summary>
internal static class SchemaCommand
{
    public static int Run(string docsPath, TextWriter output, TextWriter error)
    {
        var contentDoc = Path.Combine(docsPath, "content.md");
        if (!File.Exists(contentDoc))
        {
            error.WriteLine($"error: {contentDoc} does not exist; run this from the repository root or pass --docs.");
            return ExitCodes.Usage;
        }

        var schemaFolder = Path.Combine(docsPath, "schema");
        Directory.CreateDirectory(schemaFolder);
        foreach (var (fileName, title, type) in FrontMatterSchema.Kinds)
        {
            var path = Path.Combine(schemaFolder, fileName);
            File.WriteAllText(path, FrontMatterSchema.Generate(fileName, title, type));
            output.WriteLine($"Wrote {path}");
        }

        File.WriteAllText(contentDoc, FieldReference.UpdateDocument(File.ReadAllText(contentDoc)));
        output.WriteLine($"Updated the field tables in {contentDoc}");
        return ExitCodes.Ok;
    }
}
