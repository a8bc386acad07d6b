using System.Collections.Concurrent;
using Microsoft.ML;
using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>
/// A thread-safe front for ML.NET's <see cref="PredictionEngine{TSrc,TDst}"/>, which is not thread-safe: engines are
/// pooled (what PredictionEnginePool does, without its DI package), so parallel callers each borrow their own.
/// </summary>
internal sealed class PooledPredictor<TIn, TOut>
    where TIn : class
    where TOut : class, new()
{
    // A bag, not ObjectPool with a PooledObjectPolicy subclass: a type in this assembly deriving from an ML.NET type
    // made EF's scan of the module's types (ApplyConfigurationsFromAssembly) load Microsoft.ML.Data at start-up
    // (docs/benchmarks.md). Field types load only when used.
    private readonly ConcurrentBag<PredictionEngine<TIn, TOut>> _pool = [];
    private readonly int _keep = Environment.ProcessorCount * 2;
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly Lock _create = new();

    /// <summary>Wraps a loaded model.</summary>
    public PooledPredictor(MLContext ml, ITransformer model)
    {
        (_ml, _model) = (ml, model);
        var first = Rent();
        OutputSchema = first.OutputSchema;
        Return(first);
    }

    /// <summary>The model's output columns (for slot names such as a classifier's classes).</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>One prediction; safe to call from many threads.</summary>
    public TOut Predict(TIn input)
    {
        var engine = Rent();
        try
        {
            return engine.Predict(input);
        }
        finally
        {
            Return(engine);
        }
    }

    private PredictionEngine<TIn, TOut> Rent()
    {
        if (_pool.TryTake(out var engine)) return engine;
        lock (_create) return _ml.Model.CreatePredictionEngine<TIn, TOut>(_model);   // MLContext makes no thread-safety promise
    }

    private void Return(PredictionEngine<TIn, TOut> engine)
    {
        if (_pool.Count < _keep) _pool.Add(engine);
    }
}
