using System.Diagnostics;
using System.Globalization;

namespace Greenroom.Bench.Server;

/// <summary>
/// SIGTERM through the <c>kill</c> command: the server stops cleanly (checkpointing its database) before the cold
/// start. A command rather than a P/Invoke keeps the project free of unsafe code.
/// </summary>
internal static class Signals
{
    /// <summary>Asks the process to stop; false where that is not possible (the caller then kills it).</summary>
    public static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var info = new ProcessStartInfo("kill") { UseShellExecute = false };
            info.ArgumentList.Add("-TERM");
            info.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
            using var kill = Process.Start(info);
            return kill is not null && kill.WaitForExit(5_000) && kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
