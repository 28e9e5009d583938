using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Greenroom.Bench.Server;

/// <summary>What the server dll was built as: its configuration and whether it holds ahead-of-time (ReadyToRun) code.</summary>
internal sealed record ServerBuild(string? Configuration, bool ReadyToRun)
{
    /// <summary>Reads both from the dll's metadata without loading it.</summary>
    public static ServerBuild Read(string dllPath)
    {
        using var stream = File.OpenRead(dllPath);
        using var pe = new PEReader(stream);
        // A ReadyToRun image carries a native header for its precompiled code; an IL-only build has none.
        var readyToRun = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "AssemblyConfigurationAttribute")
            {
                // The blob is the prolog (0x0001) and one serialized string.
                var blob = metadata.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                return new ServerBuild(blob.ReadSerializedString(), readyToRun);
            }
        }

        return new ServerBuild(null, readyToRun);
    }
}
