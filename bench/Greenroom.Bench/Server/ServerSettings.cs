namespace Greenroom.Bench.Server;

/// <summary>How to start the server under test.</summary>
/// <param name="ServerDll">The Release build of Greenroom.Server.</param>
/// <param name="DataDirectory">The server's data folder (its SQLite database).</param>
/// <param name="CatalogRoot">The <c>catalog-info.yaml</c> configured as the one file location.</param>
/// <param name="RefreshInterval">Periodic full-pass interval; long, so only the passes the bench triggers run.</param>
/// <param name="LogFile">Where the server's stdout and stderr go.</param>
internal sealed record ServerSettings(string ServerDll, string DataDirectory, string CatalogRoot, TimeSpan RefreshInterval, string LogFile);
