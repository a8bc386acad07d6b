using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shared.Events;

namespace UnitTests;

public sealed class EventBusTests
{
    public sealed record SomethingHappened(int Value);

    private sealed class Recorder
    {
        public List<(string Handler, int Value, Guid Scope)> Calls { get; } = [];
    }

    private sealed class ScopeId
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private sealed class Failing : IEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct) => throw new InvalidOperationException("handler bug");
    }

    private sealed class RecordingA(Recorder recorder, ScopeId scope) : IEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct) { recorder.Calls.Add(("A", e.Value, scope.Id)); return Task.CompletedTask; }
    }

    private sealed class RecordingB(Recorder recorder, ScopeId scope) : IEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, CancellationToken ct) { recorder.Calls.Add(("B", e.Value, scope.Id)); return Task.CompletedTask; }
    }

    [Fact]
    public async Task Every_handler_runs_in_its_own_scope_and_a_failing_one_is_logged_not_thrown()
    {
        var services = new ServiceCollection();
        var recorder = new Recorder();
        var log = new ListLogger();
        services.AddSingleton(recorder).AddScoped<ScopeId>();
        services.AddEventHandler<SomethingHappened, RecordingA>();
        services.AddEventHandler<SomethingHappened, Failing>();
        services.AddEventHandler<SomethingHappened, RecordingB>();
        await using var provider = services.BuildServiceProvider();
        var bus = new InProcessEventBus(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetServices<EventHandlerRegistration>(), log);

        await bus.PublishAsync(new SomethingHappened(7));

        recorder.Calls.Select(c => (c.Handler, c.Value)).ShouldBe([("A", 7), ("B", 7)]);
        recorder.Calls[0].Scope.ShouldNotBe(recorder.Calls[1].Scope);
        log.Errors.ShouldHaveSingleItem().ShouldContain("Failing");
    }

    private sealed class InTransaction(Recorder recorder) : IInTransactionEventHandler<SomethingHappened>
    {
        public Task HandleAsync(SomethingHappened e, Shared.Data.AppDbContext db, CancellationToken ct)
        {
            recorder.Calls.Add(("T", e.Value, Guid.Empty));
            return e.Value < 0 ? throw new InvalidOperationException("counter failed") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task In_transaction_handlers_run_only_inside_the_publishers_transaction_and_their_failure_throws()
    {
        // issue 18: a counter runs in the ingest's transaction, so replaying the after-commit events never counts again.
        var services = new ServiceCollection();
        var recorder = new Recorder();
        services.AddSingleton(recorder).AddScoped<ScopeId>();
        services.AddEventHandler<SomethingHappened, RecordingA>();
        services.AddInTransactionEventHandler<SomethingHappened, InTransaction>();
        await using var provider = services.BuildServiceProvider();
        var bus = new InProcessEventBus(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetServices<EventHandlerRegistration>(), new ListLogger());

        await bus.PublishAsync(new SomethingHappened(1));                 // after commit (or a replay): A only
        await bus.PublishInTransactionAsync(new SomethingHappened(2), null!);   // inside the transaction: T only (this handler needs no context)
        await Should.ThrowAsync<InvalidOperationException>(() => bus.PublishInTransactionAsync(new SomethingHappened(-1), null!));

        recorder.Calls.Select(c => (c.Handler, c.Value)).ShouldBe([("A", 1), ("T", 2), ("T", -1)]);
    }

    [Fact]
    public async Task An_event_nobody_handles_reaches_no_handler_and_logs_nothing()
    {
        var services = new ServiceCollection();
        var recorder = new Recorder();
        var log = new ListLogger();
        services.AddSingleton(recorder).AddScoped<ScopeId>();
        services.AddEventHandler<SomethingHappened, RecordingA>();   // handles another event type only
        await using var provider = services.BuildServiceProvider();
        var bus = new InProcessEventBus(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetServices<EventHandlerRegistration>(), log);

        await bus.PublishAsync(new NothingListens("x"));
        recorder.Calls.ShouldBeEmpty();
        log.Errors.ShouldBeEmpty();

        await bus.PublishAsync(new SomethingHappened(3));   // the same bus still delivers what has a handler
        recorder.Calls.Select(c => (c.Handler, c.Value)).ShouldBe([("A", 3)]);
    }

    public sealed record NothingListens(string Value);

    private sealed class ListLogger : ILogger<InProcessEventBus>
    {
        public List<string> Errors { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) Errors.Add(formatter(state, exception));
        }
    }
}
