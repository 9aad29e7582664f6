using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

public sealed class HandDerivedStepTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    public static TheoryData<string, double, double> Regularizers => new()
    {
        { "none", 0, 0 },
        { "penalty", 1e-3, 0 },
        { "subgradient", 1e-3, 0 },
        { "proximal", 1e-3, 0 },
        { "none", 0, 1e-2 },
        { "proximal", 1e-3, 1e-2 },
    };

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Hand_derived_training_matches_autograd_training(string mode, double l1, double l2)
    {
        // Given 500 images (the last batch of 32 is partial) and the same seed for both paths
        var options = new TrainingOptions
        {
            Epochs = 2,
            BatchSize = 32,
            LearningRate = 0.05,
            Seed = 3,
            L2Lambda = l2,
            L1Lambda = l1,
            L1Mode = mode == "none" ? L1Mode.Penalty : Enum.Parse<L1Mode>(mode, ignoreCase: true),
        };
        using var train = data.Train.Take(500);
        using var byHand = Mlp.Create([784, 24, 16, 10], seed: 5);
        using var byAutograd = Mlp.Create([784, 24, 16, 10], seed: 5);

        // When each trains with its own step
        var handMetrics = new Trainer(options).Fit(byHand, train, data.Test);
        var autogradMetrics = new Trainer(options with { UseHandDerivedStep = false }).Fit(byAutograd, train, data.Test);

        // Then the weights and the metrics agree to float rounding
        foreach (var ((name, a), (_, b)) in byHand.named_parameters().Zip(byAutograd.named_parameters()))
        {
            double gap = (a - b).abs().max().item<float>();
            Assert.True(gap < 1e-5, $"{name}: max |hand − autograd| = {gap:E2}");
        }
        for (int e = 0; e < handMetrics.Count; e++)
        {
            Assert.Equal(autogradMetrics[e].DataLoss, handMetrics[e].DataLoss, 1e-5);
            Assert.Equal(autogradMetrics[e].Penalty, handMetrics[e].Penalty, 1e-5);
            // Weights within 1e-5 can flip at most a prediction whose two top logits tie to that precision: allow one of 256.
            Assert.Equal(autogradMetrics[e].TestAccuracy, handMetrics[e].TestAccuracy, 1.0 / 256);
            Assert.Equal(autogradMetrics[e].TrainAccuracy, handMetrics[e].TrainAccuracy, 1.0 / 256);
        }
    }

    [Fact]
    public void The_hand_derived_step_supports_plain_mlps_only()
    {
        using var plain = Mlp.Create([4, 3, 2], seed: 1);
        using var withDropout = Mlp.Create([4, 3, 2], seed: 1, dropout: 0.5);
        using var sequential = nn.Sequential(nn.Linear(4, 2));
        var options = new TrainingOptions();

        Assert.True(HandDerivedStep.Supports(plain, options));
        Assert.False(HandDerivedStep.Supports(withDropout, options));
        Assert.False(HandDerivedStep.Supports(sequential, options));
        Assert.False(HandDerivedStep.Supports(plain, options with { RegularizeBiases = true }));
    }

    [Fact]
    public void A_hand_derived_step_leaves_no_tensor_alive()
    {
        using var model = Mlp.Create([784, 32, 10], seed: 2);
        using var step = new HandDerivedStep(model, new TrainingOptions { BatchSize = 32, L1Lambda = 1e-3, L1Mode = L1Mode.Proximal });
        using var x = data.Train.Images.narrow(0, 0, 32);
        using var y = data.Train.Labels.narrow(0, 0, 32);
        using var xs = data.Train.Images.narrow(0, 0, 7);
        using var ys = data.Train.Labels.narrow(0, 0, 7);
        step.Step(x, y);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (int i = 0; i < 20; i++) { step.Step(x, y); step.Step(xs, ys); }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
