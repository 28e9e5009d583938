using System.Globalization;

namespace Greenroom.Bench;

/// <summary>The command line: <c>--entities N [--catalog DIR] [--server-dll PATH]</c>, or <c>--generate-only --out DIR</c>.</summary>
internal sealed record BenchArguments
{
    public int? Entities { get; init; }

    public string? Catalog { get; init; }

    public string? Out { get; init; }

    public bool GenerateOnly { get; init; }

    /// <summary>Benchmark the search engine in process instead of the server.</summary>
    public bool Search { get; init; }

    /// <summary>Synthetic documentation pages indexed beside the entities in <see cref="Search"/> mode.</summary>
    public int DocPages { get; init; } = 10_000;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Queries of other words run before the measured ones in <see cref="Search"/> mode, so that every query shape runs
    /// often enough for the JIT to finish optimising its code (tiered compilation promotes a method after about 30
    /// calls): a server that has answered for a while is measured, not its first minutes.
    /// </summary>
    public int Warmup { get; init; } = 400;

    public int? Files { get; init; }

    public bool PerFileLocations { get; init; }

    public string? ServerDll { get; init; }

    /// <summary>Measured requests per latency measure (at least 200).</summary>
    public int Requests { get; init; } = 300;

    /// <summary>Requests of the concurrent throughput measure, over <see cref="Clients"/> clients.</summary>
    public int ThroughputRequests { get; init; } = 5000;

    public int Clients { get; init; } = 16;

    public int IdlePasses { get; init; } = 20;

    /// <summary>Upper bound for cold ingestion and every wait of the run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    public string? Results { get; init; }

    /// <summary>Only cold ingestion, the count check and the cold start: for A/B runs of the ingestion.</summary>
    public bool IngestionOnly { get; init; }

    /// <summary>Keep the temporary catalog, database and server log.</summary>
    public bool Keep { get; init; }

    public const string Usage = """
        Greenroom benchmark: generates a catalog, runs the Release server on it and measures ingestion and queries.

          dotnet run -c Release --project bench/Greenroom.Bench -- --entities 100000 [options]
          dotnet run -c Release --project bench/Greenroom.Bench -- --generate-only --entities N --out DIR [options]
          dotnet run -c Release --project bench/Greenroom.Bench -- --search [--entities N] [--doc-pages P] [--requests R]

          --entities N             entities to generate (>= 7)
          --catalog DIR            use an existing generated catalog (with catalog-manifest.json) instead
          --generate-only          only write the catalog to --out and stop
          --search                 index N synthetic entities (default 100000) and P doc pages in process, then query
          --doc-pages P            synthetic documentation pages of --search (default 10000)
          --warmup W               --search queries of other words run unmeasured first, so the JIT has optimised
                                   every query shape (default 400; 0 measures from the 51st query, as before)
          --out DIR                where to write the catalog (default: a temporary folder)
          --seed S                 random seed (default 1)
          --files K                part files (default: one per ~100 entities)
          --location-layout L      single (default: one Location listing every file) or per-file
          --server-dll PATH        the server build (default: artifacts/server/Greenroom.Server.dll, from dotnet publish)
          --requests R             requests per latency measure (default 300, at least 200)
          --throughput-requests T  requests of the 16-client throughput measure (default 5000)
          --clients C              concurrent clients of the throughput measure (default 16)
          --idle-passes P          idle refresh passes of the memory-growth measure (default 20)
          --timeout SECONDS        bound of every wait, cold ingestion included (default 900)
          --results DIR            where the JSON result goes (default: bench-results in the repository)
          --keep                   keep the temporary catalog, database and server log
          --ingestion-only         only cold ingestion, the count check and the cold start (for A/B runs)

          dotnet run -c Release --project bench/Greenroom.Bench -- --pass-profile [--entities N | --catalog DIR] [--rounds R]
                                   time the location pass's per-entity steps in process, on one thread (default 20000
                                   entities, 3 rounds, the first a warm-up)

          dotnet run -c Release --project bench/Greenroom.Bench -- --techdocs [--pages N] [--runs R]
                                   render a generated N-page mkdocs site (default 50) R times (default 10)
        """;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var result = new BenchArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchException($"{args[i]} needs a value");
            int Number(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new BenchException($"{name} must be an integer >= {min}, got '{text}'");
            }

            result = args[i] switch
            {
                "--entities" => result with { Entities = Number(7) },
                "--catalog" => result with { Catalog = Value() },
                "--out" => result with { Out = Value() },
                "--generate-only" => result with { GenerateOnly = true },
                "--search" => result with { Search = true },
                "--doc-pages" => result with { DocPages = Number(0) },
                "--warmup" => result with { Warmup = Number(0) },
                "--seed" => result with { Seed = Number(0) },
                "--files" => result with { Files = Number(1) },
                "--location-layout" => Value() switch
                {
                    "single" => result with { PerFileLocations = false },
                    "per-file" => result with { PerFileLocations = true },
                    var other => throw new BenchException($"--location-layout must be single or per-file, got '{other}'"),
                },
                "--server-dll" => result with { ServerDll = Value() },
                "--requests" => result with { Requests = Number(200) },
                "--throughput-requests" => result with { ThroughputRequests = Number(16) },
                "--clients" => result with { Clients = Number(1) },
                "--idle-passes" => result with { IdlePasses = Number(1) },
                "--timeout" => result with { Timeout = TimeSpan.FromSeconds(Number(1)) },
                "--results" => result with { Results = Value() },
                "--keep" => result with { Keep = true },
                "--ingestion-only" => result with { IngestionOnly = true },
                var unknown => throw new BenchException($"Unknown argument '{unknown}'"),
            };
        }

        if (result.GenerateOnly && (result.Out is null || result.Entities is null))
        {
            throw new BenchException("--generate-only needs --entities N and --out DIR");
        }

        if (result.Search)
        {
            return result with { Entities = result.Entities ?? 100_000 };
        }

        if (result.Catalog is null && result.Entities is null)
        {
            throw new BenchException("Give --entities N (or --catalog DIR)");
        }

        return result;
    }
}
