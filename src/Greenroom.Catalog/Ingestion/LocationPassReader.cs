using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Descriptors;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Problems;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Model.Validation;
using Greenroom.Catalog.Options;
using Greenroom.Catalog.Processing;
using Microsoft.Extensions.Options;

namespace Greenroom.Catalog.Ingestion;

/// <summary>
/// Reads one root location completely: its files (or URL), then the targets of the Location entities found,
/// breadth-first, each level in parallel. Never throws for bad input: every problem is collected with its position.
/// </summary>
internal sealed class LocationPassReader(
    SourceReader reader,
    DescriptorParser parser,
    EntityValidator validator,
    PlaceholderResolver placeholders,
    ProcessedFileCache fileCache,
    IOptions<ReadingOptions> readingOptions,
    CatalogPaths paths)
{
    /// <summary>Bumped whenever processing changes in a way that must re-process unchanged files.</summary>
    /// <remarks>Version 2 hashes the stored JSON instead of a key-sorted form: every stored entity is rewritten once.</remarks>
    private const string ProcessingVersion = "greenroom-processing-2";

    /// <summary>Files read in parallel between two hand-overs of a streamed pass: enough to keep every core busy.</summary>
    private const int FilesPerSlice = 32;

    /// <summary>Reads the root location <paramref name="type"/>:<paramref name="target"/>, keeping every entity's tree.</summary>
    public Task<PassResult> ReadAsync(string type, string target, CancellationToken cancellationToken) =>
        ReadCoreAsync(type, target, storedHashes: null, sink: null, cancellationToken);

    /// <summary>
    /// Reads the root location for an ingestion pass: entities come without their trees, a valid one whose hash differs
    /// from <paramref name="storedHashes"/> (ref key to content hash of the location's stored entities) comes prepared
    /// for the batch, and a file unchanged since the last pass is not parsed again when its entities are still stored.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="sink"/>, entities are handed over in reading order in parts of about
    /// <paramref name="partSize"/> as the files are read, and <see cref="PassResult.Entities"/> stays empty: the pass
    /// then never holds more than a part or two of prepared entities.
    /// </remarks>
    public Task<PassResult> ReadForIngestionAsync(
        string type,
        string target,
        IReadOnlyDictionary<string, string> storedHashes,
        Func<IReadOnlyList<PassEntity>, CancellationToken, Task>? sink,
        int partSize,
        CancellationToken cancellationToken) =>
        ReadCoreAsync(type, target, storedHashes, new PassSink(sink, partSize), cancellationToken);

    private async Task<PassResult> ReadCoreAsync(
        string type, string target, IReadOnlyDictionary<string, string>? storedHashes, PassSink? sink, CancellationToken cancellationToken)
    {
        var settings = readingOptions.Value;
        var problems = new ConcurrentQueue<CatalogProblem>();
        var keep = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var entities = new List<PassEntity>();
        var origin = $"{type}:{target}";
        var ingestion = storedHashes is null ? null : new IngestionRead(storedHashes, fileCache.Get(origin));

        SourceAddress rootAddress;
        IReadOnlyList<SourceAddress> initial;
        try
        {
            rootAddress = SourceResolver.RootAddress(type, target, paths.BaseDirectory);
            if (rootAddress.IsFile)
            {
                initial = reader.Files.Expand(rootAddress.Target).Select(f => new SourceAddress("file", f)).ToList();
            }
            else
            {
                reader.Urls.EnsureAllowed(new Uri(rootAddress.Target));
                initial = [rootAddress];
            }
        }
        catch (Exception exception) when (exception is LocationReadException or UriFormatException or ArgumentException)
        {
            var name = exception is LocationReadException read ? read.Name : "InputError";
            return new PassResult([], [new CatalogProblem(exception.Message, File: target) { Name = name }], [], RootUnreadable: true, 0);
        }

        if (initial.Count == 0)
        {
            problems.Enqueue(new CatalogProblem($"No files match {rootAddress.Target}", File: target) { Name = "NotFoundError" });
        }

        var root = SourceResolver.RootOf(rootAddress);
        var visited = new HashSet<SourceAddress>(initial);
        var level = initial.Select(a => new WorkItem(a, 0, new Chain(a, null))).ToList();
        var filesRead = 0;
        var filesReused = 0;
        var entitiesRead = 0;
        var unreadable = 0;
        while (level.Count > 0)
        {
            if (filesRead + level.Count > settings.MaxFilesPerLocation)
            {
                problems.Enqueue(new CatalogProblem(
                    $"Location reads more than {settings.MaxFilesPerLocation} files (Greenroom:Reading:MaxFilesPerLocation); the rest were skipped",
                    File: target));
                level = level.Take(Math.Max(0, settings.MaxFilesPerLocation - filesRead)).ToList();
            }

            var next = new List<WorkItem>();
            // A streamed pass reads a level in slices of files, handing entities on between slices.
            var sliceSize = sink?.Sink is null ? Math.Max(level.Count, 1) : FilesPerSlice;
            for (var start = 0; start < level.Count; start += sliceSize)
            {
                var slice = level.GetRange(start, Math.Min(sliceSize, level.Count - start));
                var results = new FileResult[slice.Count];
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, slice.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                    async (i, ct) => results[i] = await ReadFileAsync(slice[i], root, origin, ingestion, ct).ConfigureAwait(false)).ConfigureAwait(false);
                filesRead += slice.Count;
                for (var i = 0; i < results.Length; i++)
                {
                    CollectFile(results[i], slice[i]);
                }

                if (sink?.Sink is { } handOver && entities.Count >= sink.PartSize)
                {
                    await handOver(entities, cancellationToken).ConfigureAwait(false);
                    entities = [];
                }
            }

            level = next;

            void CollectFile(FileResult result, WorkItem item)
            {
                entitiesRead += result.Entities.Count;
                entities.AddRange(result.Entities);
                foreach (var problem in result.Problems)
                {
                    problems.Enqueue(problem);
                }

                if (result.KeepSource)
                {
                    keep[item.Address.Target] = true;
                }

                unreadable += result.Unreadable ? 1 : 0;
                filesReused += result.Reused ? 1 : 0;

                foreach (var child in result.Children)
                {
                    if (item.Depth + 1 > settings.MaxLocationDepth)
                    {
                        problems.Enqueue(child.Problem($"Location nesting deeper than {settings.MaxLocationDepth} levels (Greenroom:Reading:MaxLocationDepth); not followed"));
                        continue;
                    }

                    if (item.Chain.Contains(child.Address))
                    {
                        problems.Enqueue(child.Problem($"Location cycle: {item.Chain.Describe()} -> {child.Address}; not followed"));
                        continue;
                    }

                    if (visited.Add(child.Address))
                    {
                        next.Add(new WorkItem(child.Address, item.Depth + 1, new Chain(child.Address, item.Chain)));
                    }
                }
            }
        }

        if (sink?.Sink is { } last && entities.Count > 0)
        {
            await last(entities, cancellationToken).ConfigureAwait(false);
            entities = [];
        }

        var rootUnreadable = filesRead > 0 && unreadable == filesRead && entitiesRead == 0;
        if (ingestion is not null)
        {
            fileCache.Replace(origin, ingestion.Next);
        }

        return new PassResult(entities, problems.ToList(), keep.Keys.ToList(), rootUnreadable, filesRead, filesReused) { DocumentsRead = entitiesRead };
    }

    private async Task<FileResult> ReadFileAsync(
        WorkItem item, string root, string origin, IngestionRead? ingestion, CancellationToken cancellationToken)
    {
        var address = item.Address;
        string text;
        byte[]? textHash = null;
        try
        {
            using var content = await reader.ReadContentAsync(address, parser.Limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
            if (ingestion is not null)
            {
                // An unchanged file is hashed and done with: never decoded, never parsed.
                textHash = SHA256.HashData(content.Bytes);
                if (ingestion.TryReuse(address, textHash) is { } reused)
                {
                    return FileResult.From(reused);
                }
            }

            text = content.ToText();
        }
        catch (LocationReadException exception)
        {
            return FileResult.Failed(new CatalogProblem(exception.Message, File: address.Target) { Name = exception.Name });
        }

        var parsed = parser.Parse(text, address.Target);
        var result = new FileResult { KeepSource = parsed.Problems.Count > 0 };
        result.Problems.AddRange(parsed.Problems);

        // Placeholders read other files, which may change while this one does not: such a file is always processed.
        var cacheable = ingestion is not null
            && (!text.Contains('$', StringComparison.Ordinal) || !parsed.Documents.Any(d => PlaceholderResolver.HasAny(d.Entity)));
        foreach (var document in parsed.Documents)
        {
            var entity = await ProcessDocumentAsync(document, address, root, origin, ingestion?.StoredHashes, cancellationToken).ConfigureAwait(false);
            result.Entities.Add(entity);
            result.Problems.AddRange(entity.Problems);
            if (!entity.Failed && string.Equals(EntityFields.StringAt(document.Entity, "kind"), "Location", StringComparison.OrdinalIgnoreCase))
            {
                // Its targets may be globs that match other files next time.
                cacheable = false;
                AddLocationTargets(document.Entity, document, address, root, result);
            }
        }

        if (cacheable)
        {
            ingestion!.Remember(address, new ProcessedFile(
                textHash!, result.Entities.Select(e => e with { Prepared = null }).ToList(), result.Problems.ToList(), result.KeepSource));
        }

        return result;
    }

    private async Task<PassEntity> ProcessDocumentAsync(
        DescriptorDocument document,
        SourceAddress address,
        string root,
        string origin,
        IReadOnlyDictionary<string, string>? storedHashes,
        CancellationToken cancellationToken)
    {
        var entity = document.Entity;
        var reference = EntityFields.RefOf(entity);
        var key = reference?.ToKey();
        var problems = await placeholders.ResolveAsync(entity, address, root, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EntityRelation>? relations = null;
        if (problems.Count == 0)
        {
            problems = validator.Validate(entity, out relations);
        }

        if (problems.Count > 0)
        {
            // Hashed as it stands (unresolvable placeholders left in place), so the same broken content is "unchanged".
            var located = problems.Select(p => Locate(p, document, address, key)).ToList();
            var failedHash = HashedJson.HashOf(entity, $"{ProcessingVersion}\nfailed\n{address}");
            return new PassEntity(key, storedHashes is null ? entity : null, address, failedHash, located);
        }

        EntityAnnotations.Apply(entity, address.ToString(), origin);

        // One serialization serves both the hash and, when the entity changed, the stored JSON.
        using var json = HashedJson.Of(entity, $"{ProcessingVersion}\n{address}");
        if (storedHashes is null)
        {
            return new PassEntity(key, entity, address, json.Hash, []);
        }

        // Ingestion: keep only what the batch needs, so the tree (and the document's position map) can go at once.
        var unchanged = key is null || (storedHashes.TryGetValue(key, out var stored) && stored == json.Hash);
        return new PassEntity(
            key, null, address, json.Hash, [], unchanged ? null : PreparedEntity.From(entity, key!, address.Target, json.ToJsonString(), relations));
    }

    private static CatalogProblem Locate(CatalogProblem problem, DescriptorDocument document, SourceAddress address, string? entityRef)
    {
        var (line, column) = document.PositionOf(problem.Field);
        var message = entityRef is null ? problem.Message : $"{problem.Message} (entity {entityRef})";
        return problem with { Message = message, File = problem.File ?? address.Target, Line = problem.Line ?? line, Column = problem.Column ?? column };
    }

    private void AddLocationTargets(JsonObject entity, DescriptorDocument document, SourceAddress from, string root, FileResult result)
    {
        var spec = entity["spec"] as JsonObject;
        var type = spec is null ? null : EntityFields.StringAt(spec, "type");
        var targets = new List<(string Field, string Target)>();
        if (spec?["target"] is JsonValue single && single.TryGetValue<string>(out var one))
        {
            targets.Add(("spec.target", one));
        }

        if (spec?["targets"] is JsonArray many)
        {
            for (var i = 0; i < many.Count; i++)
            {
                if (many[i] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    targets.Add(($"spec.targets[{i}]", text));
                }
            }
        }

        foreach (var (field, target) in targets)
        {
            var (line, column) = document.PositionOf(field);
            var context = new ChildContext(from.Target, line, column, field);
            try
            {
                var resolved = SourceResolver.Resolve(from, root, type, target);
                if (!resolved.IsFile)
                {
                    // Checked here rather than at read time so the error points at the line that names the URL.
                    reader.Urls.EnsureAllowed(new Uri(resolved.Target));
                }

                var addresses = resolved.IsFile
                    ? reader.Files.Expand(resolved.Target).Select(f => new SourceAddress("file", f)).ToList()
                    : [resolved];
                result.Children.AddRange(addresses.Select(a => new Child(a, context)));
            }
            catch (LocationReadException exception)
            {
                result.Problems.Add(new CatalogProblem(exception.Message, from.Target, line, column, field) { Name = exception.Name });
            }
        }
    }

    /// <summary>The state of one ingestion read: the stored hashes, the files of the last pass and those of this one.</summary>
    private sealed class IngestionRead(IReadOnlyDictionary<string, string> storedHashes, IReadOnlyDictionary<SourceAddress, ProcessedFile> previous)
    {
        private readonly ConcurrentDictionary<SourceAddress, ProcessedFile> _next = new();

        public IReadOnlyDictionary<string, string> StoredHashes => storedHashes;

        public IReadOnlyDictionary<SourceAddress, ProcessedFile> Next => _next;

        /// <summary>
        /// The last result of a file whose text is unchanged, when every valid entity it produced is still stored with
        /// that hash (an entity deleted meanwhile, or claimed by another location, needs its full form again).
        /// </summary>
        public ProcessedFile? TryReuse(SourceAddress address, byte[] textHash)
        {
            if (!previous.TryGetValue(address, out var file) || !file.TextHash.AsSpan().SequenceEqual(textHash))
            {
                return null;
            }

            foreach (var entity in file.Entities)
            {
                if (!entity.Failed && entity.EntityRef is { } key
                    && !(storedHashes.TryGetValue(key, out var stored) && stored == entity.ContentHash))
                {
                    return null;
                }
            }

            _next[address] = file;
            return file;
        }

        public void Remember(SourceAddress address, ProcessedFile file) => _next[address] = file;
    }

    private sealed record WorkItem(SourceAddress Address, int Depth, Chain Chain);

    /// <summary>Where a streamed pass hands its entities over, and in parts of about what size.</summary>
    private sealed record PassSink(Func<IReadOnlyList<PassEntity>, CancellationToken, Task>? Sink, int PartSize);

    /// <summary>The nesting path of a file, to tell a cycle (an ancestor named again) from a diamond.</summary>
    private sealed record Chain(SourceAddress Address, Chain? Parent)
    {
        public bool Contains(SourceAddress address) => Address == address || (Parent?.Contains(address) ?? false);

        public string Describe() => Parent is null ? Address.Target : $"{Parent.Describe()} -> {Address.Target}";
    }

    private sealed record ChildContext(string File, int Line, int Column, string Field);

    private sealed record Child(SourceAddress Address, ChildContext Context)
    {
        public CatalogProblem Problem(string message) =>
            new(message, Context.File, Context.Line, Context.Column, Context.Field);
    }

    private sealed class FileResult
    {
        public List<PassEntity> Entities { get; } = [];

        public List<CatalogProblem> Problems { get; } = [];

        public List<Child> Children { get; } = [];

        public bool KeepSource { get; init; }

        public bool Unreadable { get; init; }

        public bool Reused { get; init; }

        public static FileResult From(ProcessedFile file)
        {
            var result = new FileResult { KeepSource = file.KeepSource, Reused = true };
            result.Entities.AddRange(file.Entities);
            result.Problems.AddRange(file.Problems);
            return result;
        }

        public static FileResult Failed(CatalogProblem problem)
        {
            // A file that is gone is a deletion (its entities become orphans); any other failure may be transient.
            var result = new FileResult { KeepSource = problem.Name != "NotFoundError", Unreadable = true };
            result.Problems.Add(problem);
            return result;
        }
    }
}
