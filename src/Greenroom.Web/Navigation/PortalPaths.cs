using Greenroom.Catalog.Model.Entities;

namespace Greenroom.Web.Navigation;

/// <summary>The portal's URLs, shaped like Backstage's so bookmarks survive a switch.</summary>
public static class PortalPaths
{
    /// <summary>The entity page: <c>/catalog/{namespace}/{kind}/{name}</c> (kind lower-cased, as Backstage links it).</summary>
    public static string Entity(string @namespace, string kind, string name, string? tab = null) =>
        $"/catalog/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(kind.ToLowerInvariant())}/{Uri.EscapeDataString(name)}"
        + (tab is null ? string.Empty : "/" + Uri.EscapeDataString(tab));

    /// <summary>The entity page of a ref such as <c>group:default/team-a</c>; null when the ref does not parse.</summary>
    public static string? EntityOfRef(string entityRef) =>
        EntityRef.TryParse(entityRef, out var reference, out _) ? Entity(reference.Namespace, reference.Kind, reference.Name) : null;
}
