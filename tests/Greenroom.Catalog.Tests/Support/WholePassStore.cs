using System.Reflection;
using System.Runtime.ExceptionServices;
using Greenroom.Catalog.Store;

namespace Greenroom.Catalog.Tests.Support;

/// <summary>
/// A store that forwards everything to another one but says it cannot apply a pass in parts: the catalog must then
/// fall back to applying each pass whole, as it does with stores written before parts existed.
/// </summary>
public class WholePassStore : DispatchProxy
{
    private ICatalogStore _inner = null!;

    public static ICatalogStore Over(ICatalogStore inner)
    {
        var store = Create<ICatalogStore, WholePassStore>();
        ((WholePassStore)(object)store)._inner = inner;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == "get_" + nameof(ICatalogStore.SupportsChunkedIngestion))
        {
            return false;
        }

        if (targetMethod.Name is nameof(ICatalogStore.ApplyIngestionChunkAsync) or nameof(ICatalogStore.CompleteIngestionPassAsync))
        {
            throw new InvalidOperationException($"{targetMethod.Name} called on a store that applies passes whole");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }
}
