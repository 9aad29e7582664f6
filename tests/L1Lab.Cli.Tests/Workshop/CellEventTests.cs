using L1Lab.Workshop;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// The grader and its child speak JSON lines, and teachers read grades.csv: both keep the lower-case words they had
/// when the statuses were strings, so an older grader, a script reading grades.csv, or a recorded log still fit.
/// </summary>
public sealed class CellEventTests
{
    [Theory]
    [InlineData(CellRunStatus.Ran, "ran")]
    [InlineData(CellRunStatus.Skipped, "skipped")]
    [InlineData(CellRunStatus.Failed, "failed")]
    [InlineData(CellRunStatus.Timeout, "timeout")]
    [InlineData(CellRunStatus.Crashed, "crashed")]
    public void A_cell_event_is_written_with_the_status_word_and_read_back(CellRunStatus status, string word)
    {
        var line = CellEvent.ForCell(3, status, "line 1: \"boom\"").ToJson();

        Assert.Equal($$"""{"kind":"cell","cell":3,"status":"{{word}}","message":"line 1: \u0022boom\u0022"}""", line);
        Assert.Equal(CellEvent.ForCell(3, status, "line 1: \"boom\""), CellEvent.Parse(line));
    }

    [Fact]
    public void Events_about_the_run_have_an_empty_status_on_the_wire()
    {
        Assert.Equal("""{"kind":"started","cell":0,"status":"","message":""}""", CellEvent.Started.ToJson());
        Assert.Equal("""{"kind":"done","cell":0,"status":"","message":""}""", CellEvent.Done.ToJson());
        Assert.Equal("""{"kind":"error","cell":0,"status":"","message":"n.ipynb: bad"}""", CellEvent.Error("n.ipynb: bad").ToJson());
        Assert.Equal(CellEvent.Done, CellEvent.Parse("""{"kind":"done","cell":0,"status":"","message":""}"""));
    }

    [Theory]
    [InlineData("""{"kind":"cell","cell":1,"status":"exploded","message":""}""")]
    [InlineData("""{"kind":"finished","cell":0,"status":"","message":""}""")]
    [InlineData("""{"kind":"cell","cell":"1","status":"ran","message":""}""")]
    [InlineData("Console.WriteLine from a learner")]
    public void A_line_that_is_not_an_event_is_ignored(string line) => Assert.Null(CellEvent.Parse(line));

    [Theory]
    [InlineData(GradeStatus.Ok, "ok")]
    [InlineData(GradeStatus.Failed, "failed")]
    [InlineData(GradeStatus.Timeout, "timeout")]
    [InlineData(GradeStatus.Error, "error")]
    public void Grades_csv_writes_the_status_word(GradeStatus status, string word)
    {
        var csv = GradesCsv.Format([new GradeRow("a/n.ipynb", "n.ipynb", "ex1", 0, 2, status, "")]);

        Assert.Equal($"{GradesCsv.Header}\na/n.ipynb,n.ipynb,ex1,0,2,{word},\n", csv);
    }
}
