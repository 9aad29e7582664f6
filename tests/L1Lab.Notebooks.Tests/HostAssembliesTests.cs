namespace L1Lab.Notebooks.Tests;

public sealed class HostAssembliesTests
{
    [Fact]
    public void The_same_file_gives_the_same_reference_so_a_cell_run_again_adds_none()
    {
        var path = typeof(HostAssembliesTests).Assembly.Location;

        var first = HostAssemblies.Reference(path);
        var again = HostAssemblies.Reference(Path.Combine(Path.GetDirectoryName(path)!, ".", Path.GetFileName(path)));

        Assert.Same(first, again);
        Assert.Empty(new[] { again }.Except([first]));
    }

    [Fact]
    public void A_changed_file_gives_a_new_reference()
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-host-assemblies-");
        try
        {
            var copy = Path.Combine(folder.FullName, "Copy.dll");
            File.Copy(typeof(HostAssembliesTests).Assembly.Location, copy);
            var before = HostAssemblies.Reference(copy);

            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(copy).AddMinutes(1));

            Assert.NotSame(before, HostAssemblies.Reference(copy));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
