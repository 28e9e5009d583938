using System.Reflection;
using Greenroom.Catalog.Store;
using Greenroom.Web.Entities;
using Greenroom.Web.Entities.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace Greenroom.Server.Tests.Portal;

/// <summary>The Dependencies tab rendered on the server: graph data, depth control, the node cap and escaping.</summary>
[Collection(PortalPagesCollection.Name)]
public sealed class DependenciesTabTests(PortalCatalogFixture portal)
{
    [Fact]
    public async Task Embeds_the_neighbourhood_as_graph_data_and_lists_it_for_browsers_without_scripts()
    {
        var html = await portal.GetPageAsync("/catalog/default/component/petstore/dependencies");

        var graph = PortalHtml.Graph(html);
        var nodes = PortalHtml.NodeIds(graph);
        Assert.Equal("component:default/petstore", nodes[0]);
        Assert.Subset(nodes.ToHashSet(), new HashSet<string> { "group:default/team-a", "system:default/pets", "api:default/petstore-api", "component:default/checkout" });
        Assert.True(graph["nodes"]![0]!["root"]!.GetValue<bool>());
        var edges = graph["edges"]!.AsArray().Select(e => (e!["from"]!.GetValue<string>(), e["label"]!.GetValue<string>(), e["to"]!.GetValue<string>())).ToList();
        Assert.Contains(("group:default/team-a", "Owner of", "component:default/petstore"), edges);
        Assert.Contains(("component:default/checkout", "Depends on", "component:default/petstore"), edges);
        Assert.DoesNotContain(edges, e => e.Item2 == "Owned by");
        Assert.Contains("data-relation=\"ownerOf\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalog/default/group/team-a\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "within 1 hop.")]
    [InlineData("?depth=2", "within 2 hops.")]
    [InlineData("?depth=99", "within 3 hops.")]
    [InlineData("?depth=-1", "within 1 hop.")]
    [InlineData("?depth=abc", "within 1 hop.")]
    public async Task Depth_comes_from_the_query_string_and_is_kept_between_one_and_three(string query, string expected)
    {
        var html = await portal.GetPageAsync("/catalog/default/component/petstore/dependencies" + query);

        Assert.Contains(expected, System.Text.RegularExpressions.Regex.Replace(html, "\\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deeper_graph_reaches_entities_two_hops_away()
    {
        var one = PortalHtml.NodeIds(PortalHtml.Graph(await portal.GetPageAsync("/catalog/default/component/petstore/dependencies?depth=1")));
        var two = PortalHtml.NodeIds(PortalHtml.Graph(await portal.GetPageAsync("/catalog/default/component/petstore/dependencies?depth=2")));

        Assert.DoesNotContain("user:default/alice", one);
        Assert.Contains("user:default/alice", two);
        Assert.Subset(two.ToHashSet(), one.ToHashSet());
    }

    [Fact]
    public async Task A_large_neighbourhood_is_capped_at_fifty_nodes_and_says_how_many_are_not_shown()
    {
        var html = await portal.GetPageAsync("/catalog/default/group/big-team/dependencies");

        var graph = PortalHtml.Graph(html);
        var expectedHidden = PortalCatalogFixture.BigTeamComponents + 1 - GraphRequest.DefaultMaxNodes;
        Assert.Equal(GraphRequest.DefaultMaxNodes, graph["nodes"]!.AsArray().Count);
        Assert.Equal(expectedHidden, graph["notShown"]!.GetValue<int>());
        Assert.Contains($"{expectedHidden} more not shown", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_names_cannot_close_the_graph_data_block()
    {
        var html = await portal.GetPageAsync("/catalog/default/component/petstore/dependencies");

        var json = PortalHtml.GraphJsonText(html);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
        var labels = PortalHtml.Graph(html)["nodes"]!.AsArray().Select(n => n!["label"]!.GetValue<string>());
        Assert.Contains("</script><script>window.__pwned = 1</script>", labels);
    }

    [Fact]
    public async Task A_graph_costs_one_batched_store_read_per_hop()
    {
        var store = portal.Factory.Services.GetRequiredService<ICatalogStore>();
        var root = EntityView.Parse((await store.GetEntityByRefAsync("group:default/team-a", CancellationToken.None))!.Json)!;
        var counting = CountingStore.Wrap(store);

        var graph = await EntityGraphLoader.LoadAsync(counting.Store, root, new GraphRequest(Depth: 3), CancellationToken.None);

        Assert.True(graph.Nodes.Count > 5, $"expected a sizeable graph, got {graph.Nodes.Count} nodes");
        Assert.All(counting.Calls, call => Assert.Equal(nameof(ICatalogStore.GetEntitiesByRefsAsync), call));
        Assert.InRange(counting.Calls.Count, 1, 3);
    }

    [Fact]
    public async Task Follows_only_the_relation_types_asked_for()
    {
        var store = portal.Factory.Services.GetRequiredService<ICatalogStore>();
        var root = EntityView.Parse((await store.GetEntityByRefAsync("component:default/petstore", CancellationToken.None))!.Json)!;

        var graph = await EntityGraphLoader.LoadAsync(store, root, new GraphRequest(Depth: 2, RelationTypes: ["ownedBy"]), CancellationToken.None);

        Assert.All(graph.Edges, e => Assert.Equal("ownerOf", e.Relation));
        Assert.Contains(graph.Nodes, n => n.Ref == "group:default/team-a");
        Assert.DoesNotContain(graph.Nodes, n => n.Ref == "user:default/alice");
    }

    /// <summary>Records the name of every store method called, and forwards it.</summary>
    public class CountingStore : DispatchProxy
    {
        private ICatalogStore _inner = null!;

        public List<string> Calls { get; } = [];

        public ICatalogStore Store => (ICatalogStore)(object)this;

        public static CountingStore Wrap(ICatalogStore inner)
        {
            var proxy = Create<ICatalogStore, CountingStore>();
            var counting = (CountingStore)(object)proxy;
            counting._inner = inner;
            return counting;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            lock (Calls)
            {
                Calls.Add(targetMethod!.Name);
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
