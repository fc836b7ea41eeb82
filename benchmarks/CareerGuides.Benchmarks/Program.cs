using System.Globalization;
using BenchmarkDotNet.Running;
using CareerGuides.Synthetic;

namespace CareerGuides.Benchmarks;

/// <summary>
/// "generate --roles N --guides M --out DIR [--seed S]" writes synthetic content; "load --content DIR" loads a folder
/// once, cold, and says where the time went (<see cref="ColdLoad"/>); anything else runs BenchmarkDotNet
/// (e.g. "--filter '*' --job short").
/// </summary>
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        string Option(string name, string fallback) =>
            Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        if (args.Length > 0 && args[0] == "load")
        {
            return ColdLoad.Run(Option("--content", "artifacts/synthetic"));
        }

        if (args.Length > 0 && args[0] == "generate")
        {
            var roles = int.Parse(Option("--roles", "120"), CultureInfo.InvariantCulture);
            var guides = int.Parse(Option("--guides", "10000"), CultureInfo.InvariantCulture);
            var seed = int.Parse(Option("--seed", "42"), CultureInfo.InvariantCulture);
            var output = Option("--out", "artifacts/synthetic");
            SyntheticContent.Write(output, roles, guides, seed);
            Console.WriteLine($"Wrote {roles} roles and {guides} guides to {output}");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
