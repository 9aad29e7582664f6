namespace L1Lab.Authoring.Book;

/// <summary>
/// plotly.js as the book ships it in assets/: the script and its license text. The course library carries the one copy
/// notebooks and reports use; the CLI hands it to <see cref="BookBuilder"/>, which stays free of the library.
/// </summary>
/// <param name="Script">plotly.min.js's source.</param>
/// <param name="License">Its license, written next to it.</param>
public sealed record PlotlyAsset(string Script, string License);
