namespace L1Lab.Lessons;

/// <summary>
/// A value a lesson showed, with <see cref="Update"/> like a notebook's display handle: a figure's file is rewritten in
/// place, a text value is printed again.
/// </summary>
public sealed class LessonDisplay
{
    readonly Action<object?> _update;

    internal LessonDisplay(Action<object?> update) => _update = update;

    /// <summary>Replaces the shown value with <paramref name="value"/>.</summary>
    public void Update(object? value) => _update(value);
}
