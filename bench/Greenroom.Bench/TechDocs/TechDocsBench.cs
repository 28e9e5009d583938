using System.Diagnostics;
using System.Globalization;
using System.Text;
using Greenroom.TechDocs.Rendering;
using Greenroom.TechDocs.Sites;
using Greenroom.TechDocs.Sources;

namespace Greenroom.Bench.TechDocs;

/// <summary>
/// <c>--techdocs</c>: writes an N-page mkdocs site (nested nav, tables, code, admonitions, mermaid, cross links) to a
/// temporary folder and times a full build of it (read, hash, render, sanitise) as the background builder runs it.
/// The first run includes JIT warm-up; the target (issue 6) is a 50-page site in at most one second.
/// </summary>
internal static class TechDocsBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var pages = Option(args, "--pages", 50);
        var runs = Option(args, "--runs", 10);
        var folder = Directory.CreateTempSubdirectory("greenroom-techdocs-bench-").FullName;
        try
        {
            var bytes = WriteSite(folder, pages);
            var entity = new DocsEntity("component:default/bench", "default", "component", "bench", "Bench", "dir:.", null, null);
            var reader = new DocsSourceReader(maxPages: pages + 1);
            var renderer = new DocsSiteRenderer(new MarkdownPageRenderer(new HtmlSafety()));
            var times = new List<double>();
            var cpu = new List<double>();
            DocsSite? site = null;
            using var process = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var source = new FileDocsSource(folder, folder, new ReadBudget(1024 * 1024, 64 * 1024 * 1024));
                var snapshot = await reader.ReadAsync(source, CancellationToken.None);
                site = renderer.Render(entity, snapshot, DateTimeOffset.UtcNow);
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            // CPU time is what the build costs; wall time also shows how busy the machine was.
            var warm = times.Skip(1).Order().ToList();
            var warmCpu = cpu.Skip(1).Order().ToList();
            string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
            output.WriteLine($"TechDocs render: {pages} pages, {bytes / 1024} KiB of Markdown, {runs} runs");
            output.WriteLine($"| measure                  | value      |");
            output.WriteLine($"|--------------------------|------------|");
            output.WriteLine($"| first build (cold, JIT)  | {Ms(times[0]),7} ms |");
            output.WriteLine($"| first build, CPU time    | {Ms(cpu[0]),7} ms |");
            if (warm.Count > 0)
            {
                output.WriteLine($"| warm build, median       | {Ms(warm[warm.Count / 2]),7} ms |");
                output.WriteLine($"| warm build, max          | {Ms(warm[^1]),7} ms |");
                output.WriteLine($"| warm build, median CPU   | {Ms(warmCpu[warmCpu.Count / 2]),7} ms |");
            }

            output.WriteLine($"| pages rendered           | {site!.Pages.Count,10} |");
            output.WriteLine($"| problems reported        | {site.Problems.Count,10} |");
            output.WriteLine($"| load average (1 min)     | {LoadAverage(),10} |");
            output.WriteLine($"| target (issue 6)         | <= 1000 ms |");
            output.WriteLine(times[0] <= 1000
                ? "The first (cold) build meets the target in wall time."
                : cpu[0] <= 1000
                    ? "The first (cold) build meets the target in CPU time; wall time was longer because the machine was busy."
                    : "The first (cold) build misses the target.");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    /// <summary>Writes the site; pages sit in sections of ten, each linking to its neighbours. Returns the Markdown bytes.</summary>
    private static long WriteSite(string folder, int pages)
    {
        var docs = Path.Combine(folder, "docs");
        var nav = new StringBuilder("site_name: Bench site\nnav:\n  - Home: index.md\n");
        long bytes = 0;
        for (var i = 1; i < pages; i++)
        {
            var section = $"section-{(i - 1) / 10}";
            if ((i - 1) % 10 == 0)
            {
                nav.Append(CultureInfo.InvariantCulture, $"  - Section {(i - 1) / 10}:\n");
            }

            nav.Append(CultureInfo.InvariantCulture, $"      - {section}/page-{i}.md\n");
            bytes += Write(docs, $"{section}/page-{i}.md", Page(i, pages));
        }

        bytes += Write(docs, "index.md", Page(0, pages));
        File.WriteAllText(Path.Combine(folder, "mkdocs.yml"), nav.ToString());
        return bytes;
    }

    private static long Write(string docs, string relative, string content)
    {
        var path = Path.Combine(docs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return Encoding.UTF8.GetByteCount(content);
    }

    private static string Page(int i, int pages)
    {
        var up = i == 0 ? string.Empty : "../";
        string Link(int n) => n == 0 ? up + "index.md" : $"{up}section-{(n - 1) / 10}/page-{n}.md";
        var page = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Page {i}: parcel handling at depot {i}\n\n");
        for (var s = 1; s <= 6; s++)
        {
            page.Append(CultureInfo.InvariantCulture, $"## Step {s} of the depot routine\n\n");
            page.Append(CultureInfo.InvariantCulture, $"Parcels arriving at **depot {i}** are scanned, sorted and loaded. See [the next page]({Link((i + 1) % pages)}#step-{s}-of-the-depot-routine) and [the previous one]({Link((i + pages - 1) % pages)}).\n\n");
            page.Append("| Shift | Start | End | Vans |\n|:------|------:|----:|-----:|\n| Early | 05:00 | 13:00 | 12 |\n| Late | 13:00 | 21:00 | 9 |\n\n");
            page.Append("!!! note \"Cut-off\"\n    Parcels scanned after 18:00 leave on the next day's round.\n\n");
            page.Append("```kotlin\nval round = solver.solve(parcels, vans, timeLimit = Duration.ofMinutes(20))\n```\n\n");
            page.Append("- [x] scanned\n- [ ] loaded\n\n");
        }

        page.Append("```mermaid\nflowchart LR\n  A[Scan] --> B[Sort] --> C[Load]\n```\n\nA footnote[^1].\n\n[^1]: Times are local to the depot.\n");
        return page.ToString();
    }
}
