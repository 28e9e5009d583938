using System.Collections.Concurrent;
using System.Reflection;
using Greenroom.Catalog.Store;
using Greenroom.Storage.Sqlite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>
/// Wraps the real store and counts the calls made while serving an HTTP request (background refresh work has no
/// request, so it is not counted): proves a page costs a bounded number of store calls.
/// </summary>
public class CountingCatalogStore : DispatchProxy
{
    // DispatchProxy needs an unsealed class with a parameterless constructor; state is set once by Wrap.
    private ICatalogStore _inner = null!;
    private IHttpContextAccessor _http = null!;
    private ConcurrentDictionary<string, int> _calls = null!;

    /// <summary>Calls per request path and method, as <c>"/path GetEntityByRefAsync"</c>.</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    /// <summary>How many store calls serving <paramref name="path"/> made.</summary>
    public int CallsFor(string path) => _calls.Where(c => c.Key.StartsWith(path + " ", StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>Replaces the registered store with a counting wrapper of it.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp =>
        {
            var proxy = Create<ICatalogStore, CountingCatalogStore>();
            var counting = (CountingCatalogStore)(object)proxy;
            counting._inner = sp.GetRequiredService<SqliteCatalogStore>();
            counting._http = sp.GetRequiredService<IHttpContextAccessor>();
            counting._calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            return counting;
        });
        services.AddSingleton(sp => (ICatalogStore)(object)sp.GetRequiredService<CountingCatalogStore>());
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_http.HttpContext is { } context)
        {
            _calls.AddOrUpdate($"{context.Request.Path} {targetMethod.Name}", 1, (_, count) => count + 1);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
