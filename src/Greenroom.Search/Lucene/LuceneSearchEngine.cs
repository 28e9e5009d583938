using System.Diagnostics;
using Greenroom.Plugins.Search;
using Greenroom.Search.Engine;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenroom.Search.Lucene;

/// <summary>
/// The embedded engine: a Lucene.Net index in a folder on local disk. One writer serves all changes (serialized);
/// readers share near-real-time searchers refreshed after each commit, so queries never wait for indexing. An index
/// that is missing, corrupt, of another schema or left half-built is started afresh and reported as needing a build.
/// </summary>
internal sealed partial class LuceneSearchEngine(IOptions<SearchOptions> options, ILogger<LuceneSearchEngine> logger) : ISearchEngine, IDisposable
{
    private const int MaxFacetValues = 50;
    private const int ProgressEvery = 10_000;
    private const int BulkChunk = 1_000;

    private static readonly string[] AllFacets = [IndexFields.TypesFacet, .. IndexFields.FacetFields];

    private readonly Analyzer _analyzer = SearchAnalyzer.Create();
    private readonly FacetOrdinalCache _facetOrdinals = new(AllFacets);
    private readonly BrowseCache _browseCache = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Threading.Lock _openGate = new();
    private OpenIndex? _index;
    private bool _needsBuild;
    private bool _disposed;

    /// <summary>
    /// Called on the querying thread as a query finishes each phase (<c>analyze</c>, <c>search</c>, <c>highlighter</c>,
    /// <c>documents</c>, <c>highlight</c>), so a profiler (the bench) can time them; null otherwise.
    /// </summary>
    internal Action<string>? PhaseReached { get; set; }

    private sealed record OpenIndex(FSDirectory Directory, IndexWriter Writer, SearcherManager Searchers);

    public Task<bool> NeedsFullBuildAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        return Task.FromResult(_needsBuild);
    }

    public async Task<long> RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var index = EnsureOpen();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Until the commit below, readers keep the previous index and a crash leaves it marked incomplete.
            _needsBuild = true;
            index.Writer.DeleteAll();
            var count = await AddAllAsync(index.Writer, documents, progress, cancellationToken).ConfigureAwait(false);
            _needsBuild = false;
            Commit(index);
            return count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<long> ReplaceTypeAsync(string type, IAsyncEnumerable<SearchDocument> documents, CancellationToken cancellationToken)
    {
        var index = EnsureOpen();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            index.Writer.DeleteDocuments(new Term(IndexFields.Type, type));
            var count = await AddAllAsync(index.Writer, documents.Where(d => d.Type == type), null, cancellationToken).ConfigureAwait(false);
            Commit(index);
            return count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task UpdateAsync(IReadOnlyCollection<SearchUpdate> updates, CancellationToken cancellationToken)
    {
        var index = EnsureOpen();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var update in updates)
            {
                index.Writer.DeleteDocuments(new Term(IndexFields.TypeEntity, DocumentMapper.TypeEntityKey(update.Type, update.EntityRef)));
                foreach (var document in update.Documents)
                {
                    index.Writer.AddDocument(DocumentMapper.ToLucene(document));
                }
            }

            Commit(index);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<SearchResultPage> QueryAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var window = options.Value.MaxResultWindow;
        var page = PageCursor.Decode(query.PageCursor);
        var limit = Math.Max(1, query.PageLimit);
        if ((long)(page + 1) * limit > window)
        {
            throw new SearchQueryException($"Paging reaches only the first {window} results; refine the search to see further");
        }

        var clauses = FilterClause.From(query.Types, query.Filters);
        var searchers = EnsureOpen().Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var tokens = QueryTokens.Analyze(_analyzer, searcher.IndexReader, query.Term);
            var luceneQuery = LuceneQueryBuilder.Build(tokens, IndexFields.Search);
            PhaseReached?.Invoke("analyze");
            var (total, scoreDocs, facetCounts) = Search(searcher, luceneQuery, tokens.Words.Count == 0, clauses, page * limit, limit);
            PhaseReached?.Invoke("search");
            var highlighter = tokens.Words.Count == 0 ? null : SnippetHighlighter.For(_analyzer, searcher.IndexReader, tokens);
            PhaseReached?.Invoke("highlighter");
            var documents = scoreDocs.Select(d => searcher.Doc(d.Doc)).ToList();
            PhaseReached?.Invoke("documents");
            var hits = new List<SearchHit>(documents.Count);
            foreach (var stored in documents)
            {
                var fields = DocumentMapper.ToFields(stored);
                var highlight = highlighter?.Highlight(fields["title"], fields["text"]);
                hits.Add(new SearchHit(stored.Get(IndexFields.Type), fields, highlight, (page * limit) + hits.Count + 1));
            }

            PhaseReached?.Invoke("highlight");
            var hasNext = (long)(page + 1) * limit < total && (long)(page + 2) * limit <= window;
            return Task.FromResult(new SearchResultPage(
                hits,
                hasNext ? PageCursor.Encode(page + 1) : null,
                page > 0 ? PageCursor.Encode(page - 1) : null,
                total,
                facetCounts));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Hits <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="limit"/>, the total and the facet
    /// counts. Without a term, counts come from <see cref="BrowseCache"/> when this reader has counted the same filters
    /// before, and then only the page's documents are visited.
    /// </summary>
    private (int Total, ScoreDoc[] Page, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets) Search(
        IndexSearcher searcher, Query luceneQuery, bool browsing, IReadOnlyList<FilterClause> clauses, int skip, int limit)
    {
        if (browsing && _browseCache.TryGet(searcher.IndexReader, clauses, out var cached))
        {
            return (cached.Total, FacetedSearch.InIndexOrder(searcher, clauses, skip, limit), cached.Facets);
        }

        var top = TopScoreDocCollector.Create(skip + limit, docsScoredInOrder: true);
        var facets = FacetedSearch.Run(searcher, luceneQuery, clauses, _facetOrdinals, top, MaxFacetValues);
        if (browsing)
        {
            _browseCache.Add(searcher.IndexReader, clauses, new BrowseCounts(top.TotalHits, facets));
        }

        return (top.TotalHits, top.GetTopDocs(skip, limit).ScoreDocs, facets);
    }

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string term, IReadOnlyCollection<string> types, int limit, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            return Task.FromResult<IReadOnlyList<SearchSuggestion>>([]);
        }

        var filter = FilterClause.AllOf(FilterClause.From([.. types], new Dictionary<string, IReadOnlyList<string>>()));
        var searchers = EnsureOpen().Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var tokens = QueryTokens.Analyze(_analyzer, searcher.IndexReader, term);
            if (tokens.Words.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<SearchSuggestion>>([]);
            }

            var query = LuceneQueryBuilder.Build(tokens, IndexFields.Suggest, prefixOnLastOnly: true);
            var top = searcher.Search(query, filter, limit);
            IReadOnlyList<SearchSuggestion> suggestions = top.ScoreDocs
                .Select(d => searcher.Doc(d.Doc))
                .Select(d => new SearchSuggestion(d.Get(IndexFields.Type), d.Get(IndexFields.Title), d.Get(IndexFields.Location), d.Get(IndexFields.StoredPrefix + "kind")))
                .ToList();
            return Task.FromResult(suggestions);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var searchers = EnsureOpen().Searchers;
        var searcher = searchers.Acquire();
        try
        {
            return Task.FromResult((long)searcher.IndexReader.NumDocs);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (_openGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_index is { } index)
            {
                index.Searchers.Dispose();
                index.Writer.Dispose();
                index.Directory.Dispose();
            }

            _analyzer.Dispose();
        }
    }

    private async Task<long> AddAllAsync(IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Analysis is most of the cost and the writer takes documents from several threads at once, so a bulk load
        // is added in chunks spread over the cores while the collators produce the next chunk's documents.
        long count = 0;
        var chunk = new List<SearchDocument>(BulkChunk);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(document);
            if (chunk.Count == BulkChunk)
            {
                Parallel.ForEach(chunk, parallel, d => writer.AddDocument(DocumentMapper.ToLucene(d)));
                count += chunk.Count;
                chunk.Clear();
                if (count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }
        }

        Parallel.ForEach(chunk, parallel, d => writer.AddDocument(DocumentMapper.ToLucene(d)));
        count += chunk.Count;
        progress?.Report(count);
        return count;
    }

    private void Commit(OpenIndex index)
    {
        index.Writer.SetCommitData(LuceneIndexFiles.CommitData(complete: !_needsBuild));
        index.Writer.Commit();
        index.Searchers.MaybeRefreshBlocking();
    }

    private OpenIndex EnsureOpen()
    {
        lock (_openGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _index ??= Open();
        }
    }

    private OpenIndex Open()
    {
        var path = Path.GetFullPath(options.Value.IndexPath ?? throw new InvalidOperationException($"{SearchOptions.SectionName}:IndexPath is not set"));
        System.IO.Directory.CreateDirectory(path);
        var started = Stopwatch.GetTimestamp();
        var directory = FSDirectory.Open(path);
        try
        {
            var reason = LuceneIndexFiles.CheckUsable(directory);
            _needsBuild = reason is not null;
            if (reason is not null)
            {
                LogNeedsBuild(logger, path, reason);
            }

            return OpenWriter(directory, OpenMode.CREATE_OR_APPEND, started);
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new InvalidOperationException($"The search index in '{path}' is in use by another process ({e.Message})", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever the damage, the index is derived data: start over and let the indexer rebuild it.
            LogCorrupt(logger, path, e.GetType().Name, e.Message);
            directory.Dispose();
            LuceneIndexFiles.DeleteIndexFiles(path);
            _needsBuild = true;
            return OpenWriter(FSDirectory.Open(path), OpenMode.CREATE, started);
        }
    }

    private OpenIndex OpenWriter(FSDirectory directory, OpenMode mode, long started)
    {
        var config = new IndexWriterConfig(SearchAnalyzer.Version, _analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = options.Value.IndexBufferMiB,
        };
        var writer = new IndexWriter(directory, config);
        if (mode == OpenMode.CREATE)
        {
            // A fresh index is committed at once (marked incomplete), so readers can open it before the first build ends.
            writer.SetCommitData(LuceneIndexFiles.CommitData(complete: false));
            writer.Commit();
        }

        var searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        LogOpened(logger, directory.Directory.FullName, writer.NumDocs, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new OpenIndex(directory, writer, searchers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index in {Path} opened with {Documents} documents in {Elapsed} ms")]
    private static partial void LogOpened(ILogger logger, string path, int documents, long elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index in {Path} needs a full build: {Reason}")]
    private static partial void LogNeedsBuild(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index in {Path} is unreadable ({Error}: {Message}); it is deleted and will be rebuilt")]
    private static partial void LogCorrupt(ILogger logger, string path, string error, string message);
}
