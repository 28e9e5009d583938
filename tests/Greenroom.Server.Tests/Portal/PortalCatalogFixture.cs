using System.Globalization;
using System.Text;
using Greenroom.Server.Tests.Infrastructure;

namespace Greenroom.Server.Tests.Portal;

/// <summary>
/// One server for the portal's read-only page tests: the fixture catalog plus a second configured location holding
/// entities made for the pages (a team owning more components than a graph draws, hostile names, API definitions of
/// every kind, good and broken).
/// </summary>
public sealed class PortalCatalogFixture : IAsyncLifetime
{
    /// <summary>Components owned by <c>big-team</c>: more than a graph draws.</summary>
    public const int BigTeamComponents = 60;

    public FixtureCatalog Catalog { get; } = new();

    public GreenroomAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var target = Catalog.Write("portal.yaml", PortalYaml());
        Factory = new GreenroomAppFactory(Catalog, new Dictionary<string, string?>
        {
            ["Greenroom:Catalog:Locations:1:Type"] = "file",
            ["Greenroom:Catalog:Locations:1:Target"] = target,
        });
        Client = await Factory.CreateIdleClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Catalog.Dispose();
    }

    /// <summary>The page's HTML; fails unless the status is <paramref name="expected"/>.</summary>
    public Task<string> GetPageAsync(string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) => Client.GetPageAsync(path, expected);

    private static string PortalYaml()
    {
        var yaml = new StringBuilder(Entities);
        for (var i = 0; i < BigTeamComponents; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""

                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: big-{i:00}
                spec:
                  type: service
                  lifecycle: production
                  owner: big-team

                """);
        }

        return yaml.ToString();
    }

    private const string Entities = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: big-team
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: hostile-node
          title: "</script><script>window.__pwned = 1</script>"
        spec:
          type: service
          lifecycle: production
          owner: team-a
          dependsOn: [component:petstore]
          consumesApis: [hostile-api]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: orders-api
          title: Orders API
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: |
            openapi: 3.0.3
            info:
              title: Orders
              version: 1.2.0
              description: Orders of pets.
            security:
              - oauth2: [orders:read]
            tags:
              - name: orders
                description: Placing and reading orders
            paths:
              /orders/{orderId}:
                parameters:
                  - name: orderId
                    in: path
                    required: true
                    schema: { type: string, format: uuid }
                get:
                  tags: [orders]
                  summary: Read one order
                  parameters:
                    - name: expand
                      in: query
                      schema: { type: boolean }
                  responses:
                    '200':
                      description: The order
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Order'
              /orders:
                post:
                  tags: [orders]
                  summary: Place an order
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Order'
                  responses:
                    '201':
                      description: Placed
            components:
              schemas:
                Order:
                  type: object
                  required: [quantity]
                  properties:
                    quantity:
                      type: integer
                      description: How many pets
                    status:
                      type: string
                      enum: [placed, shipped]
                    parent:
                      $ref: '#/components/schemas/Order'
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: legacy-api
        spec:
          type: openapi
          lifecycle: deprecated
          owner: team-b
          definition: |
            {
              "swagger": "2.0",
              "info": { "title": "Legacy", "version": "0.9" },
              "paths": {
                "/stock": {
                  "get": {
                    "summary": "List stock levels",
                    "parameters": [ { "name": "sku", "in": "query", "type": "string", "required": true } ],
                    "responses": { "200": { "description": "Stock", "schema": { "type": "array", "items": { "$ref": "#/definitions/Stock" } } } }
                  }
                }
              },
              "definitions": { "Stock": { "type": "object", "properties": { "sku": { "type": "string" }, "count": { "type": "integer" } } } }
            }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: broken-api
        spec:
          type: openapi
          lifecycle: experimental
          owner: team-b
          definition: |
            openapi: 3.0.3
            paths:
              /x:
                get: [this is: not, an: operation
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: hostile-api
          title: "<img src=x onerror=\"window.__pwned = 2\">"
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: |
            openapi: 3.0.3
            info:
              title: "</code><script>window.__pwned = 3</script>"
              version: "1"
              description: "<img src=x onerror=window.__pwned=4>"
            paths:
              /evil:
                get:
                  summary: "<script>window.__pwned = 5</script>"
                  responses:
                    '200':
                      description: "<b>bold</b>"
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: graph-api
        spec:
          type: graphql
          lifecycle: production
          owner: team-a
          definition: |
            type Query { pet(id: ID!): Pet }
            type Pet { id: ID! name: String }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: grpc-api
        spec:
          type: grpc
          lifecycle: production
          owner: team-a
          definition: |
            syntax = "proto3";
            service Pets { rpc Get (PetRequest) returns (Pet); }
        """;
}

/// <summary>Portal page tests share one server.</summary>
[CollectionDefinition(Name)]
public sealed class PortalPagesCollection : ICollectionFixture<PortalCatalogFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "portal-pages";
}
