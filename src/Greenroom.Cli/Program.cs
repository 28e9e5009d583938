using Greenroom.Cli;
using Greenroom.Cli.Templates;

// Only wires: the commands are built (and tested) in GreenroomCommandLine.
var environment = new CliEnvironment(Console.Out, Console.Error, Directory.GetCurrentDirectory()) { TemplateRunner = new ScaffolderTemplateRunner() };
return await GreenroomCommandLine.RunAsync(args, environment).ConfigureAwait(false);
