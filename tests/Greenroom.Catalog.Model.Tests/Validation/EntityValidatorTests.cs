using System.Text.Json.Nodes;
using Greenroom.Catalog.Model.Entities;
using Greenroom.Catalog.Model.Relations;
using Greenroom.Catalog.Model.Validation;

namespace Greenroom.Catalog.Model.Tests.Validation;

public sealed class EntityValidatorTests
{
    private readonly EntityValidator _validator = new(CatalogRules.BuiltInOnly);

    private static JsonObject Component(Action<JsonObject>? change = null)
    {
        var entity = JsonNode.Parse("""
            {
              "apiVersion": "backstage.io/v1alpha1",
              "kind": "Component",
              "metadata": { "name": "artist-web", "namespace": "music", "tags": ["java", "c++"],
                "labels": { "example.com/custom": "value_1", "empty": "" },
                "annotations": { "backstage.io/techdocs-ref": "dir:." },
                "links": [{ "url": "https://example.com", "title": "Site", "icon": "dashboard", "type": "website" }] },
              "spec": { "type": "website", "lifecycle": "production", "owner": "team-a", "providesApis": ["a"] }
            }
            """)!.AsObject();
        change?.Invoke(entity);
        return entity;
    }

    private static IReadOnlyList<string?> FieldsOf(JsonObject entity, EntityValidator? validator = null) =>
        (validator ?? new EntityValidator(CatalogRules.BuiltInOnly)).Validate(entity).Select(p => p.Field).ToList();

    [Fact]
    public void Accepts_a_well_formed_component()
    {
        Assert.Empty(_validator.Validate(Component()));
    }

    [Theory]
    [InlineData("invalid component")]
    [InlineData("-leading")]
    [InlineData("trailing_")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("exactly-sixty-four-characters-long-name-xxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Rejects_a_malformed_name(string name)
    {
        var problems = _validator.Validate(Component(e => e["metadata"]!["name"] = name));

        var problem = Assert.Single(problems);
        Assert.Equal("metadata.name", problem.Field);
        Assert.Equal("InputError", problem.Name);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A.b_c-D")]
    [InlineData("a--b")]
    [InlineData("0")]
    public void Accepts_names_backstage_accepts(string name)
    {
        Assert.Empty(_validator.Validate(Component(e => e["metadata"]!["name"] = name)));
    }

    [Fact]
    public void Reports_a_missing_name_and_a_non_string_name()
    {
        Assert.Equal(["metadata.name"], FieldsOf(Component(e => e["metadata"]!.AsObject().Remove("name"))));
        Assert.Equal(["metadata.name"], FieldsOf(Component(e => e["metadata"]!["name"] = 12)));
    }

    [Theory]
    [InlineData("Music")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("a_b")]
    public void Rejects_a_namespace_that_is_not_a_dns_label(string ns)
    {
        Assert.Equal(["metadata.namespace"], FieldsOf(Component(e => e["metadata"]!["namespace"] = ns)));
    }

    [Theory]
    [InlineData("go 1.15.3")]
    [InlineData("Java")]
    [InlineData("a--b")]
    [InlineData("-a")]
    public void Rejects_a_malformed_tag_with_its_index(string tag)
    {
        var problem = Assert.Single(_validator.Validate(Component(e => e["metadata"]!["tags"]!.AsArray().Add(tag))));
        Assert.Equal("metadata.tags[2]", problem.Field);
        Assert.Contains(tag, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_label_keys_and_values_in_the_wrong_format()
    {
        Assert.Equal(["metadata.labels.bad key"], FieldsOf(Component(e => e["metadata"]!["labels"]!["bad key"] = "v")));
        Assert.Equal(["metadata.labels.k"], FieldsOf(Component(e => e["metadata"]!["labels"]!["k"] = "has space")));
        Assert.Equal(["metadata.labels.a/b/c"], FieldsOf(Component(e => e["metadata"]!["labels"]!["a/b/c"] = "v")));
        Assert.Equal(["metadata.labels.Example.com/x"], FieldsOf(Component(e => e["metadata"]!["labels"]!["Example.com/x"] = "v")));
    }

    [Fact]
    public void Requires_annotation_values_to_be_strings_and_keys_well_formed()
    {
        Assert.Equal(["metadata.annotations.a"], FieldsOf(Component(e => e["metadata"]!["annotations"]!["a"] = 1)));
        Assert.Equal(["metadata.annotations.bad key"], FieldsOf(Component(e => e["metadata"]!["annotations"]!["bad key"] = "v")));
        Assert.Empty(FieldsOf(Component(e => e["metadata"]!["annotations"]!["github.com/project-slug"] = "any text at all: ok")));
    }

    [Fact]
    public void Requires_each_link_to_have_a_url_and_string_title_icon_and_type()
    {
        Assert.Equal(["metadata.links[1].url"], FieldsOf(Component(e => e["metadata"]!["links"]!.AsArray().Add(new JsonObject { ["title"] = "x" }))));
        Assert.Equal(["metadata.links[1].url"], FieldsOf(Component(e => e["metadata"]!["links"]!.AsArray().Add(new JsonObject { ["url"] = "not a url" }))));
        Assert.Equal(["metadata.links[0].title"], FieldsOf(Component(e => e["metadata"]!["links"]![0]!["title"] = 5)));
        Assert.Equal(["metadata.links[0].icon"], FieldsOf(Component(e => e["metadata"]!["links"]![0]!["icon"] = " ")));
        Assert.Equal(["metadata.links[0].type"], FieldsOf(Component(e => e["metadata"]!["links"]![0]!["type"] = true)));
    }

    [Fact]
    public void Requires_title_and_description_to_be_strings()
    {
        Assert.Equal(["metadata.title", "metadata.description"], FieldsOf(Component(e =>
        {
            e["metadata"]!["title"] = 1;
            e["metadata"]!["description"] = new JsonArray();
        })));
    }

    [Fact]
    public void Rejects_unknown_root_fields_but_accepts_relations_and_status()
    {
        Assert.Equal(["extra"], FieldsOf(Component(e => e["extra"] = 1)));
        Assert.Empty(FieldsOf(Component(e =>
        {
            e["relations"] = JsonNode.Parse("""[{ "type": "ownedBy", "targetRef": "group:default/team-a" }]""");
            e["status"] = JsonNode.Parse("""{ "items": [{ "type": "x", "level": "error", "message": "m" }] }""");
        })));
    }

    [Fact]
    public void Requires_apiVersion_kind_and_metadata()
    {
        var problems = FieldsOf(new JsonObject());

        Assert.Equal(["apiVersion", "kind", "metadata"], problems);
    }

    [Theory]
    [InlineData("Component", "type,lifecycle,owner")]
    [InlineData("API", "type,lifecycle,owner,definition")]
    [InlineData("Resource", "type,owner")]
    [InlineData("System", "owner")]
    [InlineData("Domain", "owner")]
    [InlineData("Group", "type,children")]
    [InlineData("User", "memberOf")]
    [InlineData("Location", "")]
    public void Reports_each_missing_required_spec_field_of_a_kind(string kind, string required)
    {
        var entity = new JsonObject
        {
            ["apiVersion"] = "backstage.io/v1beta1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "x" },
            ["spec"] = new JsonObject(),
        };

        var expected = required.Length == 0 ? [] : required.Split(',').Select(f => $"spec.{f}").ToArray();
        Assert.Equal(expected, FieldsOf(entity));
    }

    [Fact]
    public void Rejects_reference_fields_that_backstage_cannot_parse()
    {
        Assert.Equal(["spec.dependsOn[1]"], FieldsOf(Component(e => e["spec"]!["dependsOn"] = new JsonArray("resource:db", "db"))));
        Assert.Equal(["spec.owner"], FieldsOf(Component(e => e["spec"]!["owner"] = "group:a:b")));
        Assert.Empty(FieldsOf(Component(e => e["spec"]!["dependsOn"] = new JsonArray("resource:other/db"))));
    }

    [Fact]
    public void Requires_a_spec_for_built_in_kinds()
    {
        Assert.Equal(["spec"], FieldsOf(Component(e => e.Remove("spec"))));
    }

    [Fact]
    public void Checks_spec_field_types()
    {
        Assert.Equal(["spec.owner"], FieldsOf(Component(e => e["spec"]!["owner"] = "")));
        Assert.Equal(["spec.system"], FieldsOf(Component(e => e["spec"]!["system"] = null)));
        Assert.Equal(["spec.providesApis"], FieldsOf(Component(e => e["spec"]!["providesApis"] = "a")));
        Assert.Equal(["spec.dependsOn[1]"], FieldsOf(Component(e => e["spec"]!["dependsOn"] = new JsonArray("resource:a", 3))));
        Assert.Empty(FieldsOf(Component(e => e["spec"]!["somethingCustom"] = new JsonObject())));
    }

    [Fact]
    public void Checks_nested_profile_fields_and_location_presence()
    {
        var user = JsonNode.Parse("""
            { "apiVersion": "backstage.io/v1alpha1", "kind": "User", "metadata": { "name": "jane" },
              "spec": { "memberOf": [], "profile": { "email": 5, "externalHandles": { "github": "" } } } }
            """)!.AsObject();
        Assert.Equal(["spec.profile.email", "spec.profile.externalHandles.github"], FieldsOf(user));

        var location = JsonNode.Parse("""
            { "apiVersion": "backstage.io/v1alpha1", "kind": "Location", "metadata": { "name": "l" },
              "spec": { "targets": ["./a.yaml"], "presence": "sometimes" } }
            """)!.AsObject();
        Assert.Equal(["spec.presence"], FieldsOf(location));
    }

    [Fact]
    public void Validates_a_template_spec()
    {
        var template = JsonNode.Parse("""
            { "apiVersion": "scaffolder.backstage.io/v1beta3", "kind": "Template", "metadata": { "name": "t" },
              "spec": { "type": "service", "owner": "team-a",
                "parameters": [{ "title": "Page", "properties": {} }],
                "steps": [{ "id": "fetch", "action": "fetch:template", "input": { "url": "./skeleton" }, "if": true }],
                "output": { "links": [{ "title": "Repo", "url": "${{ steps.publish.output.remoteUrl }}" }], "text": [{ "content": "x" }], "extra": "s" } } }
            """)!.AsObject();
        Assert.Empty(FieldsOf(template));

        template["spec"]!["steps"]![0]!.AsObject().Remove("action");
        template["spec"]!["parameters"] = "nope";
        template["spec"]!["output"]!["extra"] = 1;
        Assert.Equal(["spec.parameters", "spec.steps[0].action", "spec.output.extra"], FieldsOf(template));

        template["spec"]!.AsObject().Remove("steps");
        Assert.Contains("spec.steps", FieldsOf(template));
    }

    [Theory]
    [InlineData("mcp-server")]
    [InlineData("ai-model-server")]
    public void Checks_a_remote_api_by_its_own_schema(string type)
    {
        var api = JsonNode.Parse("""
            { "apiVersion": "backstage.io/v1alpha1", "kind": "API", "metadata": { "name": "mcp" },
              "spec": { "type": "", "lifecycle": "production", "owner": "t", "remotes": [{ "type": "streamable-http", "url": "https://x/mcp" }] } }
            """)!.AsObject();
        api["spec"]!["type"] = type;
        Assert.Empty(FieldsOf(api));

        api["spec"]!["remotes"] = new JsonArray(new JsonObject { ["type"] = "sse" });
        Assert.Equal(["spec.remotes[0].url"], FieldsOf(api));

        api["spec"]!["remotes"] = new JsonArray();
        Assert.Equal(["spec.remotes"], FieldsOf(api));

        api["spec"]!["type"] = "openapi";
        Assert.Equal(["spec.definition"], FieldsOf(api));
    }

    [Fact]
    public void Rejects_a_template_under_a_catalog_api_version()
    {
        var template = JsonNode.Parse("""
            { "apiVersion": "backstage.io/v1alpha1", "kind": "Template", "metadata": { "name": "t" }, "spec": { "type": "x", "steps": [] } }
            """)!.AsObject();

        var problem = Assert.Single(_validator.Validate(template));
        Assert.Equal("apiVersion", problem.Field);
        Assert.Contains("scaffolder.backstage.io/v1beta3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_kind_unless_the_rules_allow_it()
    {
        var entity = JsonNode.Parse("""
            { "apiVersion": "backstage.io/v1alpha1", "kind": "Environment", "metadata": { "name": "dev" }, "spec": { "lifecycle": 1 } }
            """)!.AsObject();

        var problem = Assert.Single(_validator.Validate(entity));
        Assert.Equal("kind", problem.Field);
        Assert.Contains("Environment", problem.Message, StringComparison.Ordinal);

        Assert.Empty(new EntityValidator(new CatalogRules { AllowedKinds = ["environment"] }).Validate(entity));
        Assert.Empty(new EntityValidator(new CatalogRules { AllowedKinds = ["*"] }).Validate(entity));
    }

    [Fact]
    public void Still_checks_metadata_of_an_allowed_kind()
    {
        var entity = JsonNode.Parse("""{ "apiVersion": "acme.io/v1", "kind": "Thing", "metadata": { "name": "no spaces allowed" } }""")!.AsObject();

        Assert.Equal(["metadata.name"], FieldsOf(entity, new EntityValidator(new CatalogRules { AllowedKinds = ["Thing"] })));
    }

    [Fact]
    public void Rejects_a_kind_in_the_wrong_case_with_a_hint()
    {
        var problem = Assert.Single(_validator.Validate(Component(e => e["kind"] = "component")));

        Assert.Contains("did you mean Component", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_api_version_for_a_built_in_kind_unless_allowed()
    {
        var entity = Component(e => e["apiVersion"] = "acme.io/v2");

        Assert.Equal(["apiVersion"], FieldsOf(entity));
        Assert.Empty(FieldsOf(entity, new EntityValidator(new CatalogRules { AllowedApiVersions = ["acme.io/v2"] })));
        Assert.Equal(["apiVersion"], FieldsOf(entity, new EntityValidator(new CatalogRules { AllowedApiVersions = ["ACME.io/v2"] })));
    }

    [Theory]
    [InlineData("backstage.io/v1alpha1/extra")]
    [InlineData("Backstage.io/v1")]
    [InlineData("backstage.io/")]
    public void Rejects_a_malformed_api_version(string apiVersion)
    {
        Assert.Equal(["apiVersion"], FieldsOf(Component(e => e["apiVersion"] = apiVersion)));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var entity = Component(e =>
        {
            e["metadata"]!["name"] = "bad name";
            e["metadata"]!["tags"]![0] = "Bad";
            e["spec"]!.AsObject().Remove("owner");
        });

        Assert.Equal(["metadata.name", "metadata.tags[0]", "spec.owner"], FieldsOf(entity));
    }

    [Fact]
    public void Gives_the_relations_it_derived_for_a_valid_entity()
    {
        var entity = Component();

        Assert.Empty(_validator.Validate(entity, out var relations));

        var self = EntityFields.RefOf(entity)!.Value;
        Assert.NotNull(relations);
        Assert.NotEmpty(relations);
        Assert.Equal(RelationDeriver.Derive(entity, self), relations);
    }

    [Fact]
    public void Gives_no_relations_for_an_invalid_entity_or_a_kind_without_a_schema()
    {
        Assert.NotEmpty(_validator.Validate(Component(e => e["metadata"]!["name"] = "not valid"), out var invalid));
        Assert.Null(invalid);

        var custom = new EntityValidator(new CatalogRules { AllowedKinds = ["Widget"] });
        Assert.Empty(custom.Validate(Component(e => e["kind"] = "Widget"), out var unknownKind));
        Assert.Null(unknownKind);
    }
}
