namespace TestSupport;

/// <summary>One app per test class (xunit class fixture), on the database the derived fixture names.</summary>
public abstract class AppFixture(DatabaseKind database) : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;

    public DatabaseKind Database { get; } = database;

    /// <summary>Extra settings for the app under test.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Extra or replaced services.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    public async Task InitializeAsync()
    {
        App = new AppFactory(Database, Settings, Services);
        try
        {
            await App.StartAsync();
        }
        catch
        {
            // xunit does not call DisposeAsync when InitializeAsync throws: clean up here.
            await App.DisposeAsync();
            throw;
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await App.DisposeAsync();
}
