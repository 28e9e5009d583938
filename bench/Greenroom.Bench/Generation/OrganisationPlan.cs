namespace Greenroom.Bench.Generation;

/// <summary>A system: its area (for names), domain and owning team.</summary>
internal sealed record SystemPlan(string Name, string Area, string Domain, string Owner);

/// <summary>A component and the references decided for it while the organisation is built.</summary>
internal sealed class ComponentPlan(string name, string type, SystemPlan system, string owner)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public SystemPlan System { get; } = system;

    public string Owner { get; } = owner;

    public string? Parent { get; set; }

    public List<string> Provides { get; } = [];

    public List<string> Consumes { get; } = [];

    public List<string> DependsOn { get; } = [];
}

/// <summary>An API, provided by one component.</summary>
internal sealed record ApiPlan(string Name, SystemPlan System, string Owner, string Resource, string Lifecycle);

/// <summary>A database or queue.</summary>
internal sealed record ResourcePlan(string Name, string Type, SystemPlan System, string Owner);
