namespace Greenroom.Cli.Tests.Validation;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Valid_file_prints_only_the_summary_and_exits_zero()
    {
        _dir.Write("catalog-info.yaml", Descriptors.Component("payments"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1 file, 1 entity: no errors"], run.Lines);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Yaml_syntax_error_is_reported_at_its_line_and_column_and_exits_one()
    {
        _dir.Write("catalog-info.yaml", Descriptors.BadYaml);

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("catalog-info.yaml:5:16: error: YAML syntax error in document 1", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file, 0 entities: 1 error in 1 file", run.Lines[^1]);
    }

    [Fact]
    public async Task Invalid_field_is_reported_as_file_line_column_message_and_field()
    {
        _dir.Write("svc/catalog-info.yaml", Descriptors.BadField);

        var run = await CliRun.RunAsync(_dir.Path, "validate", "svc/catalog-info.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["svc/catalog-info.yaml:9:3: error: \"spec.system\" must be a string, but found an array (spec.system)", "1 file, 1 entity: 1 error in 1 file"],
            run.Lines);
    }

    [Fact]
    public async Task Every_problem_of_every_document_is_reported_not_only_the_first()
    {
        _dir.Write("all.yaml", Descriptors.BadField + "---\n" + Descriptors.Component("Bad Name", "  providesApis: 3"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", "all.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("all.yaml:9:3: error:", StringComparison.Ordinal) && line.EndsWith("(spec.system)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("all.yaml:14:3: error:", StringComparison.Ordinal) && line.EndsWith("(metadata.name)", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("all.yaml:19:3: error:", StringComparison.Ordinal) && line.EndsWith("(spec.providesApis)", StringComparison.Ordinal));
        Assert.Equal("1 file, 2 entities: 3 errors in 1 file", run.Lines[^1]);
    }

    [Fact]
    public async Task Github_format_prints_error_annotations_with_file_line_and_column()
    {
        _dir.Write("catalog-info.yaml", Descriptors.BadField);

        var run = await CliRun.RunAsync(_dir.Path, "validate", "--format", "github", "catalog-info.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "::error file=catalog-info.yaml,line=9,col=3,title=spec.system::\"spec.system\" must be a string, but found an array",
            run.Lines[0]);
        Assert.Equal("1 file, 1 entity: 1 error in 1 file", run.Lines[1]);
    }

    [Fact]
    public async Task Github_format_escapes_line_breaks_and_percent_signs_in_messages()
    {
        // A syntax error message from YamlDotNet may quote text; the annotation must stay one line whatever it holds.
        _dir.Write("100%.yaml", Descriptors.BadYaml);

        var run = await CliRun.RunAsync(_dir.Path, "validate", "--format", "github", "100%.yaml");

        var annotation = Assert.Single(run.Lines, line => line.StartsWith("::error ", StringComparison.Ordinal));
        Assert.StartsWith("::error file=100%25.yaml,line=5,col=16::", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Github_format_turns_skipped_files_into_notices_that_do_not_fail_the_run()
    {
        _dir.Write("catalog-info.yaml", Descriptors.Component("root"));
        _dir.Write("skeleton/catalog-info.yaml", Descriptors.Component("${{ values.name }}"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", ".", "--format", "github");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("::notice file=skeleton/catalog-info.yaml::Skipped: it holds unrendered template expressions", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file, 1 entity: no errors (1 skipped)", run.Lines[1]);
    }

    [Fact]
    public async Task Folders_are_searched_for_catalog_info_files_leaving_out_build_output_and_dependencies()
    {
        _dir.Write("a/catalog-info.yaml", Descriptors.Component("a"));
        _dir.Write("b/deep/catalog-info.yml", Descriptors.Component("b"));
        _dir.Write("b/other.yaml", Descriptors.BadField);
        _dir.Write("node_modules/pkg/catalog-info.yaml", Descriptors.BadField);
        _dir.Write("a/bin/Debug/catalog-info.yaml", Descriptors.BadField);

        var run = await CliRun.RunAsync(_dir.Path, "validate", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2 files, 2 entities: no errors"], run.Lines);
    }

    [Fact]
    public async Task Include_and_exclude_globs_choose_the_files_searched()
    {
        _dir.Write("catalog/a.yaml", Descriptors.Component("a"));
        _dir.Write("catalog/b.yaml", Descriptors.Component("b"));
        _dir.Write("catalog/definitions/openapi.yaml", "openapi: 3.0.0\n");

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog", "--include", "**/*.yaml", "--exclude", "definitions/**");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["2 files, 2 entities: no errors"], run.Lines);
    }

    [Fact]
    public async Task A_missing_path_and_a_folder_without_descriptors_are_errors()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "empty"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", "nope.yaml", "empty");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("nope.yaml: error: No such file or folder", run.Lines[0]);
        Assert.StartsWith("empty: error: No descriptor files found in this folder (searched for **/catalog-info.yaml", run.Lines[1], StringComparison.Ordinal);
        Assert.Equal("0 files, 0 entities: 2 errors in 2 files", run.Lines[^1]);
    }

    [Fact]
    public async Task Template_skeleton_found_in_a_folder_is_skipped_but_validated_when_named()
    {
        const string skeleton = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: ${{ values.owner }}\n";
        _dir.Write("templates/svc/skeleton/catalog-info.yaml", skeleton);
        _dir.Write("catalog-info.yaml", Descriptors.Component("root"));

        var folder = await CliRun.RunAsync(_dir.Path, "validate", ".");
        var named = await CliRun.RunAsync(_dir.Path, "validate", "templates/svc/skeleton/catalog-info.yaml");

        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.StartsWith("templates/svc/skeleton/catalog-info.yaml: note: Skipped: it holds unrendered template expressions", folder.Lines[0], StringComparison.Ordinal);
        Assert.Equal("1 file, 1 entity: no errors (1 skipped)", folder.Lines[^1]);
        Assert.Equal(1, named.ExitCode);
        Assert.StartsWith("templates/svc/skeleton/catalog-info.yaml:4:3: error:", named.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_kinds_are_rejected_unless_allowed_like_the_catalog_rules()
    {
        _dir.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Environment\nmetadata:\n  name: dev\n");

        var rejected = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml");
        var allowed = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml", "--allow-kind", "Environment");

        Assert.Equal(1, rejected.ExitCode);
        Assert.StartsWith("catalog-info.yaml:2:1: error: Unsupported kind \"Environment\"", rejected.Lines[0], StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
    }

    [Fact]
    public async Task The_same_entity_in_two_files_is_a_conflict_pointing_at_the_first()
    {
        _dir.Write("a/catalog-info.yaml", Descriptors.Component("payments"));
        _dir.Write("b/catalog-info.yaml", "# moved here\n" + Descriptors.Component("Payments"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", ".");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(
            "b/catalog-info.yaml:2:1: error: Component:default/Payments is already defined at a/catalog-info.yaml:1:1",
            run.Lines[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_placeholders_read_files_next_to_the_descriptor()
    {
        _dir.Write("api/openapi.yaml", "openapi: 3.0.0\n");
        _dir.Write("api/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n");

        var run = await CliRun.RunAsync(_dir.Path, "validate", ".");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_placeholder_target_that_is_missing_or_outside_the_folder_is_an_error_at_its_field()
    {
        const string api = "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: {0}\n";
        _dir.Write("outside.yaml", "secret: 1\n");
        _dir.Write("repo/a/catalog-info.yaml", api.Replace("{0}", "./missing.yaml", StringComparison.Ordinal));
        _dir.Write("repo/b/catalog-info.yaml", api.Replace("{0}", "../../outside.yaml", StringComparison.Ordinal));

        var run = await CliRun.RunAsync(_dir.Path, "validate", "repo");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "repo/a/catalog-info.yaml:9:3: error: Placeholder $text could not be resolved: './missing.yaml' does not exist (looked for repo/a/missing.yaml) (spec.definition)",
            run.Lines[0]);
        Assert.Equal(
            "repo/b/catalog-info.yaml:9:3: error: Placeholder $text could not be resolved: '../../outside.yaml' is outside the folder being validated (repo) (spec.definition)",
            run.Lines[1]);
    }

    [Fact]
    public async Task Location_targets_must_exist_inside_the_folder_while_urls_and_globs_are_left_to_the_catalog()
    {
        _dir.Write("catalog/components/a.yaml", Descriptors.Component("a"));
        _dir.Write("catalog/all.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata:
              name: all
            spec:
              targets:
                - ./components/a.yaml
                - ./components/missing.yaml
                - ./components/*.yaml
                - https://example.com/catalog-info.yaml
                - ../../elsewhere.yaml

            """);

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog", "--include", "**/*.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "catalog/all.yaml:8:7: error: Location target './components/missing.yaml' does not exist (looked for catalog/components/missing.yaml) (spec.targets[1])",
                "catalog/all.yaml:11:7: error: Location target '../../elsewhere.yaml' is outside the folder being validated (catalog) (spec.targets[4])",
                "2 files, 2 entities: 2 errors in 1 file",
            ],
            run.Lines);
    }

    [Fact]
    public async Task A_yaml_placeholder_with_bad_content_is_reported_in_the_target_file()
    {
        _dir.Write("broken.yaml", "a: [1, 2\n");
        _dir.Write("catalog-info.yaml", Descriptors.Component("x", "  extra:\n    $yaml: ./broken.yaml"));

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("broken.yaml:", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_being_read()
    {
        _dir.Write("catalog-info.yaml", Descriptors.Component("big") + "# " + new string('x', 1024 * 1024) + "\n");

        var run = await CliRun.RunAsync(_dir.Path, "validate", "catalog-info.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("catalog-info.yaml:1:1: error: The file is larger than the limit of 1048576 bytes (MaxFileBytes); it was not read", run.Lines[0]);
    }

    [Fact]
    public async Task Usage_errors_exit_one_with_a_message_on_standard_error()
    {
        var noPaths = await CliRun.RunAsync(_dir.Path, "validate");
        var badFormat = await CliRun.RunAsync(_dir.Path, "validate", "--format", "xml", ".");

        Assert.Equal(1, noPaths.ExitCode);
        Assert.Contains("Required argument 'paths' missing", noPaths.Error, StringComparison.Ordinal);
        Assert.Equal(1, badFormat.ExitCode);
        Assert.Contains("'xml'", badFormat.Error, StringComparison.Ordinal);
    }
}
