using Greenroom.Plugins.Scaffolder;
using Greenroom.Scaffolder;
using Greenroom.Scaffolder.Actions;
using Greenroom.Scaffolder.DryRun;
using Greenroom.Scaffolder.Execution;
using Greenroom.Scaffolder.Tasks;
using Greenroom.Scaffolder.Templating;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scaffolder: templating, the built-in actions, the executor, tasks and dry runs.</summary>
public static class ScaffolderServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scaffolder with <see cref="ScaffolderOptions"/> bound from <c>Greenroom:Scaffolder</c>. The host adds an
    /// <see cref="IScaffolderTaskStore"/>, an <c>ICatalogReader</c> and an <c>ICatalogRegistrar</c>; more actions are
    /// added as <see cref="IScaffolderAction"/> singletons.
    /// </summary>
    public static IServiceCollection AddGreenroomScaffolder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScaffolderOptions>().Bind(configuration.GetSection(ScaffolderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScaffolderOptions>, ScaffolderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => FilterRegistry.CreateDefault());
        services.TryAddSingleton<TemplateEngine>();
        foreach (var action in new[]
        {
            typeof(FetchPlainAction), typeof(FetchPlainFileAction), typeof(FetchTemplateAction), typeof(FsDeleteAction),
            typeof(FsRenameAction), typeof(DebugLogAction), typeof(CatalogWriteAction), typeof(CatalogRegisterAction), typeof(PublishGitAction),
        })
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IScaffolderAction), action));
        }

        services.TryAddSingleton<ActionRegistry>();
        services.TryAddSingleton<TaskExecutor>();
        services.TryAddSingleton<TemplateCatalog>();
        services.TryAddSingleton<TaskQueue>();
        services.TryAddSingleton<TaskEventHub>();
        services.TryAddSingleton<TaskRecovery>();
        services.TryAddSingleton<TaskService>();
        services.TryAddSingleton<DryRunner>();
        services.AddHostedService<TaskWorker>();
        return services;
    }
}
