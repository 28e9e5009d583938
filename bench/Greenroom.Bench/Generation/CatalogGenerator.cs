namespace Greenroom.Bench.Generation;

/// <summary>
/// Builds the whole organisation in memory, in the reference script's order: groups, users, domains, then per
/// system the system, its components, APIs and resources (so each output file resembles one repository).
/// </summary>
internal sealed class CatalogGenerator
{
    private readonly SeededRandom _random;
    private readonly List<YamlMap> _entities = [];
    private readonly List<(string Name, string Area)> _domains = [];
    private readonly List<SystemPlan> _systems = [];
    private readonly List<ComponentPlan> _components = [];
    private readonly List<ApiPlan> _apis = [];
    private readonly List<ResourcePlan> _resources = [];
    private List<string> _teams = [];

    public CatalogGenerator(int total, int seed)
    {
        _random = new SeededRandom(seed);
        Counts = KindCounts.Split(total);
    }

    /// <summary>Entities per kind.</summary>
    public SortedDictionary<string, int> Counts { get; }

    public IReadOnlyList<ComponentPlan> Components => _components;

    public IReadOnlyList<SystemPlan> Systems => _systems;

    /// <summary>Every entity, in output order.</summary>
    public IReadOnlyList<YamlMap> Build()
    {
        BuildGroups();
        BuildUsers();
        BuildDomainsAndSystems();
        BuildComponentsApisResources();
        var components = _components.ToLookup(c => c.System.Name, StringComparer.Ordinal);
        var apis = _apis.ToLookup(a => a.System.Name, StringComparer.Ordinal);
        var resources = _resources.ToLookup(r => r.System.Name, StringComparer.Ordinal);
        foreach (var system in _systems)
        {
            _entities.Add(Descriptors.Entity(
                "System", system.Name, new YamlMap { { "owner", system.Owner }, { "domain", system.Domain } },
                description: $"The {system.Area} system ({system.Name}).",
                tags: [system.Area]));
            _entities.AddRange(components[system.Name].Select(ComponentEntity));
            _entities.AddRange(apis[system.Name].Select(ApiEntity));
            _entities.AddRange(resources[system.Name].Select(ResourceEntity));
        }

        return _entities;
    }

    // One organisation root, a layer of departments, then teams.
    private void BuildGroups()
    {
        var n = Counts["Group"];
        const string root = "acme-corp";
        var departmentCount = n == 1 ? 0 : Math.Max(1, n / 8);
        var teamCount = n - 1 - departmentCount;
        if (teamCount == 0 && departmentCount > 0)
        {
            // Two groups: a root and one team.
            (departmentCount, teamCount) = (0, 1);
        }

        var departments = Enumerable.Range(0, departmentCount)
            .Select(i => Descriptors.CheckedName($"{Vocabulary.Departments[i % Vocabulary.Departments.Length]}-dept-{i + 1}"))
            .ToList();
        var teams = Enumerable.Range(0, teamCount)
            .Select(i => Descriptors.CheckedName(
                $"team-{Vocabulary.Areas[i % Vocabulary.Areas.Length]}-{Vocabulary.TeamWords[i % Vocabulary.TeamWords.Length]}-{i + 1}"))
            .ToList();
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            parents[department] = root;
        }

        foreach (var team in teams)
        {
            parents[team] = departments.Count > 0 ? _random.Choice(departments) : root;
        }

        var children = new[] { root }.Concat(departments).Concat(teams).ToDictionary(g => g, _ => new List<object>(), StringComparer.Ordinal);
        foreach (var (child, parent) in parents)
        {
            children[parent].Add(child);
        }

        YamlMap Group(string name, string type, string display)
        {
            var spec = new YamlMap
            {
                { "type", type },
                { "profile", new YamlMap { { "displayName", display }, { "email", $"{name}@acme.example" } } },
                { "children", children[name] },
            };
            if (parents.TryGetValue(name, out var parent))
            {
                spec.Add("parent", parent);
            }

            return Descriptors.Entity("Group", name, spec, description: $"{display} {type}");
        }

        _entities.Add(Group(root, "organization", "ACME Corporation"));
        _entities.AddRange(departments.Select(d => Group(d, "department", Descriptors.Title(d.Replace('-', ' ')))));
        _entities.AddRange(teams.Select(t => Group(t, "team", Descriptors.Title(t.Replace('-', ' ')))));
        _teams = teams.Count > 0 ? teams : departments.Count > 0 ? departments : [root];
    }

    private void BuildUsers()
    {
        for (var i = 0; i < Counts["User"]; i++)
        {
            var first = Vocabulary.FirstNames[i % Vocabulary.FirstNames.Length];
            var last = Vocabulary.LastNames[i / Vocabulary.FirstNames.Length % Vocabulary.LastNames.Length];
            var name = Descriptors.CheckedName($"{first}.{last}{i + 1}");
            var memberOf = new List<object> { _random.Choice(_teams) };
            if (_random.NextDouble() < 0.1 && _teams.Count > 1)
            {
                var other = _random.Choice(_teams);
                if (!memberOf.Contains(other))
                {
                    memberOf.Add(other);
                }
            }

            _entities.Add(Descriptors.Entity("User", name, new YamlMap
            {
                { "profile", new YamlMap { { "displayName", $"{Descriptors.Title(first)} {Descriptors.Title(last)}" }, { "email", $"{name}@acme.example" } } },
                { "memberOf", memberOf },
            }));
        }
    }

    private void BuildDomainsAndSystems()
    {
        for (var i = 0; i < Counts["Domain"]; i++)
        {
            var area = Vocabulary.Areas[i % Vocabulary.Areas.Length];
            var name = Descriptors.CheckedName($"{area}-domain-{i + 1}");
            var owner = _random.Choice(_teams);
            _domains.Add((name, area));
            _entities.Add(Descriptors.Entity(
                "Domain", name, new YamlMap { { "owner", owner } },
                title: $"{Descriptors.Title(area)} domain",
                description: $"Everything related to {area}.",
                tags: [area]));
        }

        for (var i = 0; i < Counts["System"]; i++)
        {
            var (domain, area) = _domains[i % _domains.Count];
            _systems.Add(new SystemPlan(Descriptors.CheckedName($"{area}-system-{i + 1}"), area, domain, _random.Choice(_teams)));
        }
    }

    private void BuildComponentsApisResources()
    {
        var bySystem = _systems.ToDictionary(s => s.Name, _ => new List<ComponentPlan>(), StringComparer.Ordinal);
        for (var i = 0; i < Counts["Component"]; i++)
        {
            var system = _random.Choice(_systems);
            var type = _random.Weighted(Vocabulary.ComponentTypeWeights);
            var suffix = _random.Choice(Vocabulary.ComponentSuffixes[type]);
            // Mostly the owning team of the system, sometimes another team.
            var owner = _random.NextDouble() < 0.8 ? system.Owner : _random.Choice(_teams);
            var component = new ComponentPlan(Descriptors.CheckedName($"{system.Area}-{suffix}-{i + 1}"), type, system, owner);

            // Occasionally a component is part of an earlier one in its system.
            var siblings = bySystem[system.Name];
            if (siblings.Count > 0 && _random.NextDouble() < 0.08)
            {
                component.Parent = _random.Choice(siblings).Name;
            }

            _components.Add(component);
            siblings.Add(component);
        }

        // APIs: provided by one component (preferably a service of the same system), consumed by a few elsewhere.
        var services = _components.Where(c => c.Type == "service").ToList() is { Count: > 0 } s ? s : _components;
        for (var i = 0; i < Counts["API"]; i++)
        {
            var system = _random.Choice(_systems);
            var local = bySystem[system.Name].Where(c => c.Type == "service").ToList();
            var provider = _random.Choice(local.Count > 0 ? local : services);
            var resource = _random.Choice(Vocabulary.HttpResources);
            var api = new ApiPlan(
                Descriptors.CheckedName($"{system.Area}-{resource}-api-{i + 1}"),
                provider.System, provider.Owner, resource, _random.Weighted(Vocabulary.Lifecycles));
            provider.Provides.Add(api.Name);
            foreach (var consumer in _random.Sample(_components, Math.Min(_components.Count, _random.Between(0, 3))))
            {
                if (consumer != provider && !consumer.Consumes.Contains(api.Name))
                {
                    consumer.Consumes.Add(api.Name);
                }
            }

            _apis.Add(api);
        }

        // Resources: databases and queues used by components of their system.
        for (var i = 0; i < Counts["Resource"]; i++)
        {
            var system = _random.Choice(_systems);
            var type = _random.NextDouble() < 0.6 ? "database" : "queue";
            var suffix = _random.Choice(Vocabulary.ResourceSuffixes[type]);
            var resource = new ResourcePlan(Descriptors.CheckedName($"{system.Area}-{suffix}-{i + 1}"), type, system, system.Owner);
            var users = bySystem[system.Name].Count > 0 ? bySystem[system.Name] : _components;
            foreach (var component in _random.Sample(users, Math.Min(users.Count, _random.Between(1, 2))))
            {
                component.DependsOn.Add("resource:" + resource.Name);
            }

            _resources.Add(resource);
        }

        // A few component-to-component dependencies, always on an earlier component: the graph has no cycles.
        for (var i = 1; i < _components.Count; i++)
        {
            if (_random.NextDouble() < 0.3)
            {
                var target = _components[_random.Below(i)];
                var reference = "component:" + target.Name;
                if (!_components[i].DependsOn.Contains(reference))
                {
                    _components[i].DependsOn.Add(reference);
                }
            }
        }
    }

    private YamlMap ComponentEntity(ComponentPlan c)
    {
        var spec = new YamlMap
        {
            { "type", c.Type },
            { "lifecycle", _random.Weighted(Vocabulary.Lifecycles) },
            { "owner", c.Owner },
            { "system", c.System.Name },
        };
        if (c.Parent is not null)
        {
            spec.Add("subcomponentOf", c.Parent);
        }

        AddList(spec, "providesApis", c.Provides);
        AddList(spec, "consumesApis", c.Consumes);
        AddList(spec, "dependsOn", c.DependsOn);
        var annotations = new YamlMap { { "backstage.io/kubernetes-id", c.Name } };
        if (_random.NextDouble() < 0.35)
        {
            annotations.Add("backstage.io/techdocs-ref", "dir:.");
        }

        var tags = new SortedSet<string>(StringComparer.Ordinal) { _random.Choice(Vocabulary.Languages) };
        tags.UnionWith(_random.Sample(Vocabulary.ExtraTags, _random.Between(0, 2)));
        return Descriptors.Entity(
            "Component", c.Name, spec,
            description: $"The {c.Name} {c.Type} of the {c.System.Area} system.",
            tags: tags.Cast<object>().ToList(),
            labels: new YamlMap { { "tier", _random.Between(1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture) }, { "cost-center", $"cc-{_random.Between(1000, 1099)}" } },
            annotations: annotations,
            links: [new YamlMap { { "url", $"https://dashboards.acme.example/d/{c.Name}" }, { "title", "Dashboard" }, { "icon", "dashboard" } }]);
    }

    private static YamlMap ApiEntity(ApiPlan a)
    {
        var title = $"{Descriptors.Title(a.System.Area)} {Descriptors.Title(a.Resource)} API";
        return Descriptors.Entity(
            "API", a.Name, new YamlMap
            {
                { "type", "openapi" },
                { "lifecycle", a.Lifecycle },
                { "owner", a.Owner },
                { "system", a.System.Name },
                { "definition", Descriptors.OpenApiDefinition(title, a.Resource) },
            },
            title: title,
            description: $"REST API for {a.Resource} in {a.System.Area}.",
            tags: ["rest", a.System.Area]);
    }

    private static YamlMap ResourceEntity(ResourcePlan r) => Descriptors.Entity(
        "Resource", r.Name, new YamlMap { { "type", r.Type }, { "owner", r.Owner }, { "system", r.System.Name } },
        description: $"{Descriptors.Title(r.Type)} {r.Name} of the {r.System.Area} system.",
        tags: [r.Type == "database" ? "postgres" : "kafka"]);

    private static void AddList(YamlMap spec, string key, List<string> values)
    {
        if (values.Count > 0)
        {
            spec.Add(key, values.Cast<object>().ToList());
        }
    }
}
