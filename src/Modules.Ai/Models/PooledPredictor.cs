using Microsoft.Extensions.ObjectPool;
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
    private readonly ObjectPool<PredictionEngine<TIn, TOut>> _pool;

    /// <summary>Wraps a loaded model.</summary>
    public PooledPredictor(MLContext ml, ITransformer model)
    {
        _pool = new DefaultObjectPool<PredictionEngine<TIn, TOut>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 2);
        var first = _pool.Get();
        OutputSchema = first.OutputSchema;
        _pool.Return(first);
    }

    /// <summary>The model's output columns (for slot names such as a classifier's classes).</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>One prediction; safe to call from many threads.</summary>
    public TOut Predict(TIn input)
    {
        var engine = _pool.Get();
        try
        {
            return engine.Predict(input);
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<TIn, TOut>>
    {
        private readonly Lock _create = new();

        public override PredictionEngine<TIn, TOut> Create()
        {
            lock (_create) return ml.Model.CreatePredictionEngine<TIn, TOut>(model);   // MLContext makes no thread-safety promise
        }

        public override bool Return(PredictionEngine<TIn, TOut> obj) => true;
    }
}
