namespace Greenroom.Bench;

/// <summary>A benchmark that cannot go on: bad arguments, a missing server build, a server that never got ready.</summary>
internal sealed class BenchException(string message) : Exception(message);
