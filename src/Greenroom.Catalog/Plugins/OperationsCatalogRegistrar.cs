using Greenroom.Catalog.Locations;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Store;
using Greenroom.Plugins.Catalog;

namespace Greenroom.Catalog.Plugins;

/// <summary><see cref="ICatalogRegistrar"/> through the catalog's own operations, so registration behaves as the API's.</summary>
internal sealed class OperationsCatalogRegistrar(ICatalogOperations operations, ICatalogStore store) : ICatalogRegistrar
{
    public async Task<CatalogRegistration> RegisterLocationAsync(string type, string target, CancellationToken cancellationToken)
    {
        var existing = await store.FindLocationAsync(type, target, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            await operations.RefreshAllAsync(cancellationToken).ConfigureAwait(false);
            var refs = await store.GetContentHashesAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            return new CatalogRegistration(existing.Id, refs.Keys.Order(StringComparer.Ordinal).ToList(), AlreadyRegistered: true);
        }

        try
        {
            var registration = await operations.RegisterLocationAsync(type, target, dryRun: false, cancellationToken).ConfigureAwait(false);
            var entityRefs = registration.Entities.Select(EntityFields.RefOf).OfType<EntityRef>().Select(r => r.ToKey()).ToList();
            return new CatalogRegistration(registration.Location.Id, entityRefs, AlreadyRegistered: false);
        }
        catch (CatalogInputException exception) when (exception.Name == "NotAllowedError")
        {
            throw new UnauthorizedAccessException(exception.Message, exception);
        }
        catch (CatalogInputException exception)
        {
            throw new ArgumentException(exception.Message, nameof(target), exception);
        }
        catch (LocationConflictException exception)
        {
            throw new ArgumentException(exception.Message, nameof(target), exception);
        }
    }
}
