using Greenroom.Plugins.Scaffolder;
using Json.Schema;

namespace Greenroom.Scaffolder.Execution;

/// <summary>The actions registered through DI, by id, with their input schemas built once.</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, IScaffolderAction> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<JsonSchema>> _inputSchemas = new(StringComparer.Ordinal);

    /// <summary>
    /// Indexes <paramref name="actions"/>; two actions with one id is a start-up error. Input schemas are built on
    /// first use: building them loads the JSON Schema library, which the server's start-up should not wait for.
    /// </summary>
    public ActionRegistry(IEnumerable<IScaffolderAction> actions)
    {
        foreach (var action in actions)
        {
            if (!_actions.TryAdd(action.Id, action))
            {
                throw new InvalidOperationException($"Two scaffolder actions have the id '{action.Id}'");
            }

            _inputSchemas[action.Id] = new Lazy<JsonSchema>(() => Parameters.SchemaFactory.Build(action.InputSchema));
        }
    }

    /// <summary>Every action, by id.</summary>
    public IReadOnlyList<IScaffolderAction> All => [.. _actions.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>The action with this id, or null.</summary>
    public IScaffolderAction? Find(string id) => _actions.GetValueOrDefault(id);

    internal JsonSchema InputSchema(string id) => _inputSchemas[id].Value;
}
