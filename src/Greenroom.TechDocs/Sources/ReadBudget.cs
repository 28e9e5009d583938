using Greenroom.TechDocs.Sites;

namespace Greenroom.TechDocs.Sources;

/// <summary>The per-file and per-site byte limits of one build, counted as files are read.</summary>
internal sealed class ReadBudget(long maxFileBytes, long maxSiteBytes)
{
    private long _read;

    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => Interlocked.Read(ref _read);

    /// <summary>Throws unless a file of <paramref name="size"/> bytes fits the per-file limit.</summary>
    public void CheckFile(string path, long size)
    {
        if (size > MaxFileBytes)
        {
            throw new DocsSourceException($"{path} is {size} bytes, larger than the limit of {MaxFileBytes} bytes (Greenroom:TechDocs:MaxFileBytes)");
        }
    }

    /// <summary>Counts <paramref name="size"/> more bytes; once the site's total is exceeded the whole build fails.</summary>
    public void Spend(string path, long size)
    {
        if (Interlocked.Add(ref _read, size) > maxSiteBytes)
        {
            throw new DocsBuildException(new DocsProblem(
                $"Reading {path} takes the site past its limit of {maxSiteBytes} bytes (Greenroom:TechDocs:MaxSiteBytes)", path));
        }
    }
}
