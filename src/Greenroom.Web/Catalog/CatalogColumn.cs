using Greenroom.Web.Entities;
using Microsoft.AspNetCore.Components;

namespace Greenroom.Web.Catalog;

/// <summary>A column of the catalog table: header, optional sort column name and how a cell renders.</summary>
public sealed record CatalogColumn(string Header, string? SortKey, RenderFragment<EntityView> Render);
