using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Greenroom.Bench.Generation;
using Greenroom.Bench.Search;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Catalog.Processing;

namespace Greenroom.Bench.Pass;

/// <summary>
/// <c>--pass-profile</c>: the per-entity steps of a cold location pass (read, parse, validate, annotate, hash, JSON,
/// relations) run in process, on one thread, over a generated catalog, each step timed on its own. No server, no
/// SQLite: it shows where the pass's CPU goes per entity, so a change to one step can be judged by itself. Steps are
/// timed by the wall clock (a CPU clock read per step would cost more than some steps); each round also gives the
/// thread's CPU time, which a busy machine does not inflate.
/// </summary>
internal static class PassProfile
{
    private static readonly string[] Steps = ["read", "parse", "placeholders", "validate (relations derived)", "annotate", "JSON + hash", "JSON string"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var rounds = Option(args, "--rounds", 3);
        var catalog = Value(args, "--catalog");
        string? temporary = null;
        if (catalog is null)
        {
            var entities = Option(args, "--entities", 20_000);
            temporary = Directory.CreateTempSubdirectory("greenroom-pass-profile-").FullName;
            output.WriteLine($"generating {entities} entities");
            await CatalogWriter.GenerateAsync(new GenerationSettings(entities, Option(args, "--seed", 1), null, false, temporary), CancellationToken.None);
            catalog = temporary;
        }

        try
        {
            var files = Directory.GetFiles(Path.Combine(catalog, "entities"), "*.yaml").Order(StringComparer.Ordinal).ToList();
            output.WriteLine($"{files.Count} files; {rounds} rounds, the first a warm-up; one thread");
            Totals? last = null;
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                var cpu = CpuClock.Thread();
                last = Run(files);
                var cpuMicros = cpu.Elapsed.TotalMilliseconds / last.Entities * 1000;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: {last.Entities} entities, {last.Total.TotalMilliseconds / last.Entities * 1000:0.0} µs/entity wall clock, {cpuMicros:0.0} µs/entity CPU, {last.Allocated / last.Entities / 1024.0:0.0} KiB allocated/entity"));
            }

            output.WriteLine();
            output.WriteLine("| step | µs/entity | share |");
            output.WriteLine("|---|---|---|");
            for (var i = 0; i < Steps.Length; i++)
            {
                var micros = last!.Step[i].TotalMilliseconds / last.Entities * 1000;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Steps[i]} | {micros:0.0} | {last.Step[i] / last.Total:P0} |"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| total | {last!.Total.TotalMilliseconds / last.Entities * 1000:0.0} | |"));
            return 0;
        }
        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static Totals Run(IReadOnlyList<string> files)
    {
        var parser = new DescriptorParser();
        var validator = new EntityValidator();
        var totals = new Totals();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        const string origin = "file:/catalog/catalog-info.yaml";
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            var bytes = File.ReadAllBytes(file);
            _ = SHA256.HashData(bytes);
            var text = Encoding.UTF8.GetString(bytes);
            var address = $"file:{file}";
            started = totals.Add(0, started);

            var parsed = parser.Parse(text, file);
            started = totals.Add(1, started);
            foreach (var document in parsed.Documents)
            {
                var entity = document.Entity;
                totals.Entities++;
                _ = PlaceholderResolver.HasAny(entity);
                started = totals.Add(2, started);

                var problems = validator.Validate(entity, out var relations);
                if (problems.Count > 0 || relations is null)
                {
                    throw new InvalidOperationException($"{file}: {(problems.Count > 0 ? problems[0] : "no relations derived")}");
                }

                started = totals.Add(3, started);
                EntityAnnotations.Apply(entity, address, origin);
                started = totals.Add(4, started);

                // As the pass: one serialization for the hash, turned into a string only for a changed entity.
                using var json = HashedJson.Of(entity, $"profile\n{address}");
                started = totals.Add(5, started);
                _ = json.ToJsonString();
                started = totals.Add(6, started);
            }
        }

        totals.Allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return totals;
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private sealed class Totals
    {
        public TimeSpan[] Step { get; } = new TimeSpan[Steps.Length];

        public int Entities { get; set; }

        public long Allocated { get; set; }

        public TimeSpan Total => Step.Aggregate(TimeSpan.Zero, (a, b) => a + b);

        /// <summary>Adds the time since <paramref name="started"/> to step <paramref name="step"/>; returns now.</summary>
        public long Add(int step, long started)
        {
            var now = Stopwatch.GetTimestamp();
            Step[step] += Stopwatch.GetElapsedTime(started, now);
            return now;
        }
    }
}
