using System.Globalization;
using L1Lab.Results;
using L1Lab.Training;

namespace L1Lab.Tests.Results;

public sealed class ResultsTableTests
{
    static readonly RunResult[] Runs =
    [
        new("baseline", null, 0, [new EpochMetrics(1, 0.5, 0, 0.9, 0.89, 0, 0.01, 1.5), new EpochMetrics(2, 0.25, 0, 0.95, 0.94, 0, 0.02, 1.25)]),
        new("l1", L1Mode.Proximal, 0.01, [new EpochMetrics(1, 0.75, 0.125, 0.8, 0.79, 0.5, 0.6, 2)]),
    ];

    [Fact]
    public void Csv_has_the_documented_header_and_one_row_per_run_and_epoch()
    {
        var lines = ResultsTable.ToCsv(Runs).TrimEnd('\n').Split('\n');

        Assert.Equal("run,l1_mode,lambda,epoch,data_loss,penalty,train_accuracy,test_accuracy,zero_fraction,near_zero_fraction,seconds", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("l1,proximal,0.01,1,0.75,0.125,0.8,0.79,0.5,0.6,2", lines[3]);
    }

    [Fact]
    public void ParseCsv_reads_back_exactly_what_ToCsv_wrote()
    {
        var runs = new[] { Runs[0], Runs[1] with { Run = "l1, \"quoted\"" } };

        var parsed = ResultsTable.ParseCsv(ResultsTable.ToCsv(runs));

        Assert.Equal(runs.Select(r => (r.Run, r.Mode, r.Lambda)), parsed.Select(r => (r.Run, r.Mode, r.Lambda)));
        Assert.Equal(runs.SelectMany(r => r.Epochs), parsed.SelectMany(r => r.Epochs));
    }

    [Theory]
    [InlineData("run,mode\nx,y\n", "header")]
    [InlineData("run,l1_mode,lambda,epoch,data_loss,penalty,train_accuracy,test_accuracy,zero_fraction,near_zero_fraction,seconds\nb,none,0,1\n", "line 2")]
    [InlineData("run,l1_mode,lambda,epoch,data_loss,penalty,train_accuracy,test_accuracy,zero_fraction,near_zero_fraction,seconds\nb,lasso,0,1,0,0,0,0,0,0,0\n", "line 2")]
    public void ParseCsv_names_the_problem_of_a_malformed_file(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => ResultsTable.ParseCsv(text));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Csv_numbers_round_trip_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var row = ResultsTable.ToCsv(Runs).Split('\n')[1].Split(',');

            Assert.Equal(0.5, double.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(11, row.Length);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void DataFrame_has_the_same_columns_and_values_as_the_csv()
    {
        var frame = ResultsTable.ToDataFrame(Runs);

        Assert.Equal(ResultsTable.Columns, frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal("none", frame["l1_mode"][0]);
        Assert.Equal(0.125, frame["penalty"][2]);
    }

    [Fact]
    public void WriteCsv_replaces_the_file_and_leaves_no_temporary_behind()
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-results-").FullName;
        try
        {
            var path = Path.Combine(folder, "results.csv");
            File.WriteAllText(path, "old");

            ResultsTable.WriteCsv(Runs, path);

            Assert.Equal(ResultsTable.ToCsv(Runs), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
