using System.Net;
using System.Net.Sockets;

namespace Greenroom.Bench.Server;

/// <summary>A loopback port nobody listens on right now.</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
