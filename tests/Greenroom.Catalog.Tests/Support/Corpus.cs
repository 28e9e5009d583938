namespace Greenroom.Catalog.Tests.Support;

/// <summary>The real Backstage files, found through <c>GREENROOM_CORPUS</c>; a missing corpus fails the test loudly.</summary>
internal static class Corpus
{
    public static string Root
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("GREENROOM_CORPUS");
            if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(Path.Combine(root, "backstage")))
            {
                Assert.Fail(
                    "GREENROOM_CORPUS must point at the corpus folder (the one holding backstage/), " +
                    $"but it is '{root ?? "(unset)"}'. ./test.sh sets it; when running dotnet test directly, export it first.");
            }

            return root!;
        }
    }

    /// <summary>The catalog-model examples folder.</summary>
    public static string Examples => Path.Combine(Root, "backstage", "packages", "catalog-model", "examples");
}
