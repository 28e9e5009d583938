namespace Greenroom.Cli.Tests;

/// <summary>The real Backstage files, found through <c>GREENROOM_CORPUS</c>; their absence fails the test rather than skipping it.</summary>
internal static class Corpus
{
    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("GREENROOM_CORPUS");
            Assert.False(
                string.IsNullOrWhiteSpace(root) || !Directory.Exists(root),
                "The environment variable GREENROOM_CORPUS must point at the corpus folder (the one holding backstage/, demo/ and software-templates/); ./test.sh sets it.");
            return root!;
        }
    }
}
