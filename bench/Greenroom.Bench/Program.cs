using System.Runtime.InteropServices;
using Greenroom.Bench;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchArguments.Usage);
    return 0;
}

if (args.Contains("--pass-profile"))
{
    return await Greenroom.Bench.Pass.PassProfile.RunAsync(args, Console.Out);
}

if (args.Contains("--techdocs"))
{
    return await Greenroom.Bench.TechDocs.TechDocsBench.RunAsync(args, Console.Out);
}

BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (BenchException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArguments.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
var runner = new BenchRunner(arguments, Console.Out);

// Ctrl+C, SIGTERM and SIGQUIT cancel the run, whose clean-up stops the server and still writes the partial report;
// if the process goes down anyway, the exit handler kills the server.
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Cancel);
AppDomain.CurrentDomain.ProcessExit += (_, _) => runner.KillServer();

try
{
    return await runner.RunAsync(cancellation.Token);
}
catch (BenchException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
finally
{
    runner.KillServer();
}
