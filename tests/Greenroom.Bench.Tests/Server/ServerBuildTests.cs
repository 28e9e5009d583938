using System.Reflection;
using Greenroom.Bench.Server;

namespace Greenroom.Bench.Tests.Server;

public sealed class ServerBuildTests
{
    [Fact]
    public void Reads_the_configuration_an_assembly_was_built_in_and_that_a_plain_build_is_not_ReadyToRun()
    {
        var assembly = typeof(ServerBuild).Assembly;
        var expected = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        var build = ServerBuild.Read(assembly.Location);

        Assert.Equal(expected, build.Configuration);
        Assert.False(build.ReadyToRun);
    }

    [Fact]
    public void Recognises_the_framework_s_own_ReadyToRun_code()
    {
        // The shared framework ships precompiled.
        var build = ServerBuild.Read(typeof(System.Text.Json.JsonSerializer).Assembly.Location);

        Assert.True(build.ReadyToRun);
    }
}
