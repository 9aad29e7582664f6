using System.Reflection;

namespace L1Lab;

/// <summary>
/// The running notebook cell's <c>display</c>, reachable from library code without the notebook passing it in, so a
/// long library call (training, a sweep) can draw its progress in place. L1Lab's engine and kernel enter a scope for
/// each cell; under .NET Interactive (Polyglot Notebooks, the dotnet-interactive tool) the current
/// <c>KernelInvocationContext</c> is found by convention, by name, as its formatters find ours. Outside any notebook
/// (a terminal, a test) <see cref="IsAvailable"/> is false and nothing is shown.
/// </summary>
public static class AmbientDisplay
{
    static readonly AsyncLocal<Func<object?, Action<object?>>?> Current = new();

    /// <summary>True inside a notebook cell that can show outputs.</summary>
    public static bool IsAvailable => Current.Value is not null || DotNetInteractive.Context() is not null;

    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell and returns the action that replaces it in place
    /// (the display handle's <c>Update</c>); null outside a notebook.
    /// </summary>
    public static Action<object?>? Show(object? value) =>
        Current.Value is { } show ? show(value) : DotNetInteractive.Show(value);

    /// <summary>
    /// Makes <paramref name="show"/> the display of this async flow until the returned scope is disposed: a notebook
    /// host calls it for each cell with its <c>display</c>, returning the handle's update.
    /// </summary>
    public static IDisposable Enter(Func<object?, Action<object?>> show)
    {
        var scope = new Scope(Current.Value);
        Current.Value = show;
        return scope;
    }

    sealed class Scope(Func<object?, Action<object?>>? previous) : IDisposable
    {
        bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Current.Value = previous;
        }
    }

    /// <summary>
    /// .NET Interactive's <c>KernelInvocationContext.Current.Display(value)</c> and its <c>DisplayedValue.Update</c>,
    /// found by name in the loaded Microsoft.DotNet.Interactive assembly (this library must not depend on it).
    /// </summary>
    static class DotNetInteractive
    {
        public static object? Context()
        {
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Microsoft.DotNet.Interactive");
            return assembly?.GetType("Microsoft.DotNet.Interactive.KernelInvocationContext")
                ?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        }

        /// <summary>The display's update, or null when .NET Interactive is absent or its shape differs: progress never breaks the work it reports on.</summary>
        public static Action<object?>? Show(object? value)
        {
            if (Context() is not { } context) return null;
            var display = context.GetType().Assembly.GetType("Microsoft.DotNet.Interactive.KernelInvocationContextExtensions")
                ?.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "Display" && m.GetParameters().Length == 3 && m.GetParameters()[2].ParameterType == typeof(string[]));
            object? handle;
            try
            {
                handle = display?.Invoke(null, [context, value, Array.Empty<string>()]);
            }
            catch (TargetInvocationException)
            {
                return null;
            }
            var update = handle?.GetType().GetMethod("Update", [typeof(object)]);
            if (update is null) return null;
            return v =>
            {
                try
                {
                    update.Invoke(handle, [v]);
                }
                catch (TargetInvocationException)
                {
                    // The cell ended or the front end went away: the work goes on without its progress.
                }
            };
        }
    }
}
