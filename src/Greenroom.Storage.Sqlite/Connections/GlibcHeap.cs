using System.Runtime.InteropServices;

namespace Greenroom.Storage.Sqlite.Connections;

/// <summary>
/// Hands memory that glibc's malloc holds free back to the operating system. glibc keeps freed native memory in its
/// arenas for reuse; after a bulk write (a cold 100k ingestion frees SQLite's large page cache and the index build's
/// sort buffers) that was 100 MB or more of resident memory the process no longer used.
/// </summary>
internal static class GlibcHeap
{
    /// <summary>Releases the free memory of every arena (<c>malloc_trim</c>); a no-op off glibc.</summary>
    public static void ReleaseFreeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl returns freed memory by itself): nothing to release.
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and the generator would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
