using Greenroom.Cli;

// Only wires: the commands are built (and tested) in GreenroomCommandLine.
var environment = new CliEnvironment(Console.Out, Console.Error, Directory.GetCurrentDirectory());
return await GreenroomCommandLine.RunAsync(args, environment).ConfigureAwait(false);
