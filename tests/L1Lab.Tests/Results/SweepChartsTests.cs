using L1Lab.Experiments;
using L1Lab.Results;
using L1Lab.Training;

namespace L1Lab.Tests.Results;

public sealed class SweepChartsTests
{
    static readonly SweepResult[] Rows =
    [
        new(0, null, 1, 0.90, 0.80, 0, 0.02, 1),
        new(1e-3, L1Mode.Proximal, 1, 0.88, 0.82, 0.5, 0.6, 2),
        new(1e-2, L1Mode.Proximal, 1, 0.20, 0.11, 1.0, 1.0, 2),
    ];

    [Fact]
    public void Accuracy_names_the_held_out_set_it_was_given_so_a_validation_path_is_never_called_test()
    {
        // Given a sweep evaluated on validation images (notebook 05)
        var names = SweepCharts.Accuracy(Rows, heldOut: "validation").Series.Select(s => s.Name).ToList();

        // Then every series says validation or train, none says test
        Assert.Contains("proximal validation", names);
        Assert.Contains("λ = 0 baseline validation", names);
        Assert.DoesNotContain(names, n => n.Contains("test", StringComparison.Ordinal));
    }

    [Fact]
    public void Accuracy_says_test_by_default_as_reproduce_sweep_html_needs()
    {
        var names = SweepCharts.Accuracy(Rows).Series.Select(s => s.Name).ToList();

        Assert.Contains("proximal test", names);
        Assert.Contains("proximal train", names);
    }
}
