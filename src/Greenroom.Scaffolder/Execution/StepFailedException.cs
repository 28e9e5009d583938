namespace Greenroom.Scaffolder.Execution;

/// <summary>A step that cannot run or failed; the message names the step (and input, file, line where known).</summary>
public sealed class StepFailedException(string message, Exception? inner = null) : Exception(message, inner);
