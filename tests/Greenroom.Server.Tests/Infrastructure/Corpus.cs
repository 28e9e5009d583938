namespace Greenroom.Server.Tests.Infrastructure;

/// <summary>The real Backstage files, found through <c>GREENROOM_CORPUS</c>; their absence fails the test rather than skipping it.</summary>
public static class Corpus
{
    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("GREENROOM_CORPUS");
            Assert.False(
                string.IsNullOrWhiteSpace(root) || !Directory.Exists(root),
                "GREENROOM_CORPUS must point at the corpus folder (the one holding backstage/); ./test.sh sets it.");
            return root!;
        }
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
