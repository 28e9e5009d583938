namespace Greenroom.Bench.Generation;

/// <summary>The words names and descriptions are built from; the same lists as the reference generator script.</summary>
internal static class Vocabulary
{
    public const string ApiVersion = "backstage.io/v1alpha1";

    /// <summary>Share of the total entity count per kind, in the order the remainders are broken.</summary>
    public static readonly (string Kind, double Share)[] Proportions =
    [
        ("Component", 0.55),
        ("API", 0.15),
        ("Resource", 0.10),
        ("User", 0.10),
        ("System", 0.05),
        ("Group", 0.04),
        ("Domain", 0.01),
    ];

    /// <summary>Kinds other entities point at: at least one of each must exist.</summary>
    public static readonly string[] RequiredKinds = ["Domain", "System", "Group"];

    public static readonly string[] Areas =
    [
        "payments", "checkout", "catalog", "search", "identity", "billing",
        "shipping", "inventory", "analytics", "notifications", "pricing",
        "recommendations", "fraud", "ledger", "onboarding", "support",
        "marketing", "reporting", "messaging", "media", "accounts", "orders",
        "loyalty", "reviews", "tax", "risk", "compliance", "logistics",
        "partners", "ads", "returns", "warehouse", "subscriptions", "wallet",
    ];

    public static readonly IReadOnlyDictionary<string, string[]> ComponentSuffixes = new Dictionary<string, string[]>
    {
        ["service"] = ["service", "api", "worker", "gateway", "processor", "scheduler", "sync", "adapter", "exporter", "engine"],
        ["website"] = ["frontend", "portal", "web", "console", "dashboard", "ui"],
        ["library"] = ["lib", "sdk", "client", "common", "utils", "proto"],
    };

    public static readonly (string Value, double Weight)[] ComponentTypeWeights = [("service", 0.6), ("website", 0.15), ("library", 0.25)];

    public static readonly (string Value, double Weight)[] Lifecycles = [("production", 0.7), ("experimental", 0.2), ("deprecated", 0.1)];

    public static readonly string[] Languages = ["java", "kotlin", "go", "python", "typescript", "rust", "csharp", "scala"];

    public static readonly string[] ExtraTags =
        ["grpc", "rest", "graphql", "kafka", "pci", "gdpr", "tier-1", "tier-2", "internal", "public", "batch", "realtime"];

    public static readonly IReadOnlyDictionary<string, string[]> ResourceSuffixes = new Dictionary<string, string[]>
    {
        ["database"] = ["db", "store", "pg", "replica"],
        ["queue"] = ["queue", "topic", "events", "stream"],
    };

    public static readonly string[] Departments =
        ["engineering", "product", "data", "platform", "operations", "security", "infrastructure", "commerce", "growth", "finance"];

    public static readonly string[] TeamWords =
        ["falcons", "otters", "pandas", "ravens", "lynx", "badgers", "herons", "wolves", "koalas", "bisons", "cobras", "eagles"];

    public static readonly string[] FirstNames =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yara",
    ];

    public static readonly string[] LastNames =
    [
        "nguyen", "smith", "garcia", "muller", "rossi", "kowalski", "tanaka", "silva",
        "larsen", "dubois", "okafor", "singh", "novak", "haddad", "kim", "jensen",
    ];

    public static readonly string[] HttpResources =
        ["orders", "items", "users", "invoices", "events", "accounts", "payments", "products", "sessions", "reports"];
}
