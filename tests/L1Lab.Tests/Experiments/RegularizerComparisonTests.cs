using L1Lab.Experiments;
using L1Lab.Tests.Training;
using L1Lab.Training;

namespace L1Lab.Tests.Experiments;

public sealed class RegularizerComparisonTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    [Fact]
    public void Each_regularizer_is_configured_as_documented()
    {
        var o = new RegularizerComparisonOptions();

        var none = RegularizerComparison.Configure(Regularizer.None, o);
        var penalty = RegularizerComparison.Configure(Regularizer.L1Penalty, o);
        var proximal = RegularizerComparison.Configure(Regularizer.L1Proximal, o);
        var l2 = RegularizerComparison.Configure(Regularizer.L2, o);
        var elastic = RegularizerComparison.Configure(Regularizer.ElasticNet, o);
        var dropout = RegularizerComparison.Configure(Regularizer.Dropout, o);

        Assert.Equal((0.0, 0.0, 0.0), (none.Training.L1Lambda, none.Training.L2Lambda, none.Dropout));
        Assert.Equal((1e-3, L1Mode.Penalty, 0.0), (penalty.Training.L1Lambda, penalty.Training.L1Mode, penalty.Training.L2Lambda));
        Assert.Equal((1e-3, L1Mode.Proximal, 0.0), (proximal.Training.L1Lambda, proximal.Training.L1Mode, proximal.Training.L2Lambda));
        Assert.Equal((0.0, 1e-2), (l2.Training.L1Lambda, l2.Training.L2Lambda));
        Assert.Equal((1e-3, L1Mode.Proximal, 1e-2), (elastic.Training.L1Lambda, elastic.Training.L1Mode, elastic.Training.L2Lambda));
        Assert.Equal((0.0, 0.0, 0.5), (dropout.Training.L1Lambda, dropout.Training.L2Lambda, dropout.Dropout));
        Assert.Equal("λ=0.001, λ₂=0.01", elastic.Settings);
    }

    [Fact]
    public void A_comparison_gives_a_row_per_regularizer_and_only_proximal_L1_makes_exact_zeros()
    {
        var options = new RegularizerComparisonOptions
        {
            L1Lambda = 1e-2,
            HiddenSizes = [32],
            Training = new TrainingOptions { Epochs = 2, LearningRate = 0.05, Seed = 5 },
        };

        using var train = data.Train.Take(300);

        var rows = RegularizerComparison.Run(train, data.Test, options);

        Assert.Equal(options.Regularizers, rows.Select(r => r.Regularizer));
        var zeros = rows.ToDictionary(r => r.Regularizer, r => r.ZeroFraction);
        Assert.True(zeros[Regularizer.L1Proximal] > 0.2, $"proximal zeros {zeros[Regularizer.L1Proximal]}");
        Assert.True(zeros[Regularizer.ElasticNet] > 0.2, $"elastic-net zeros {zeros[Regularizer.ElasticNet]}");
        Assert.Equal(0, zeros[Regularizer.None]);
        Assert.Equal(0, zeros[Regularizer.L2]);
        Assert.Equal(0, zeros[Regularizer.Dropout]);
        // The L1-penalty row trained with L1 (its weights differ from the unregularized ones, more sit near zero)
        // yet the subgradient of λ|w| never lands a weight on exactly zero.
        var byName = rows.ToDictionary(r => r.Regularizer);
        Assert.Equal(0, zeros[Regularizer.L1Penalty]);
        Assert.Equal("λ=0.01", byName[Regularizer.L1Penalty].Settings);
        Assert.True(byName[Regularizer.L1Penalty].NearZeroFraction > byName[Regularizer.None].NearZeroFraction,
            $"near-zero fraction with the L1 penalty {byName[Regularizer.L1Penalty].NearZeroFraction} vs none {byName[Regularizer.None].NearZeroFraction}");
        Assert.Equal(RegularizerComparison.Columns, RegularizerComparison.ToDataFrame(rows).Columns.Select(c => c.Name));
        Assert.Equal(7, RegularizerComparison.ToCsv(rows).TrimEnd('\n').Split('\n').Length);
    }
}
