// The deterministic numerics: decay without libm, Cholesky, iALS fold-in.
#include <cmath>

#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

TEST(Decay, HalvesEveryHalfLifeExactly) {
  EXPECT_EQ(ExpTwoNegative(0), 1.0);
  EXPECT_EQ(ExpTwoNegative(1), 0.5);
  EXPECT_EQ(ExpTwoNegative(3), 0.125);
  EXPECT_EQ(ExpTwoNegative(40), 1.0 / 1099511627776.0);
  EXPECT_EQ(ExpTwoNegative(2000), 0.0);
  EXPECT_EQ(DecayFactor(14 * kDay, 14 * kDay), 0.5);
  EXPECT_EQ(DecayFactor(-5, 14 * kDay), 1.0);  // clock skew: counts as new
  EXPECT_EQ(DecayFactor(5 * kDay, 0), 1.0);    // no half-life: no decay
}

TEST(Decay, MatchesTheRealFunctionClosely) {
  for (double x = 0; x < 30; x += 0.173) {
    const double expected = std::exp2(-x);  // libm only as the reference here
    EXPECT_NEAR(ExpTwoNegative(x), expected, expected * 1e-15) << x;
  }
}

TEST(Decay, BitsArePinned) {
  // The same bits in both targets (this test also runs in wasm).
  // (sqrt(1/2) is 0.70710678118654757: the series is one ulp below, the
  // same ulp everywhere, which is what matters.)
  EXPECT_EQ(ExpTwoNegative(0.5), 0.70710678118654746);
  EXPECT_EQ(ExpTwoNegative(2.7182818), 0.1519552262554284);
}

TEST(Cholesky, SolvesASymmetricPositiveDefiniteSystem) {
  // A = [[4,2,0],[2,5,1],[0,1,3]], x = [1,-1,2] -> b = A x = [2,-1,5].
  std::vector<double> b = {2, -1, 5};
  ASSERT_TRUE(CholeskySolve({4, 2, 0, 2, 5, 1, 0, 1, 3}, 3, &b));
  EXPECT_NEAR(b[0], 1, 1e-12);
  EXPECT_NEAR(b[1], -1, 1e-12);
  EXPECT_NEAR(b[2], 2, 1e-12);
  std::vector<double> c = {1, 1};
  EXPECT_FALSE(CholeskySolve({1, 2, 2, 1}, 2, &c));  // indefinite
  EXPECT_EQ(c, (std::vector<double>{1, 1}));
}

TEST(FoldIn, SolvesTheImplicitAlsNormalEquation) {
  OwnedModel shop = Shop();
  const ModelView& model = shop.view();
  const uint32_t s1 = FindItem(model, "s1");
  const uint32_t b1 = FindItem(model, "b1");
  const std::vector<WeightedItem> items = {{s1, 2.0}, {b1, 1.0}};
  const std::vector<double> u = FoldInUserVector(model, items);
  ASSERT_EQ(u.size(), 4u);
  // Check (G + lambda I + sum c y y^T) u = sum (1 + c) y directly.
  const int d = 4;
  auto y = [&](uint32_t item, int k) { return double{model.factor_scales[item]} * model.item_factors[item * d + k]; };
  for (int r = 0; r < d; ++r) {
    double lhs = model.fold_in_lambda * u[r];
    double rhs = 0;
    for (int c = 0; c < d; ++c) lhs += model.gram[r * d + c] * u[c];
    for (const auto& item : items) {
      const double confidence = model.fold_in_alpha * item.weight;
      double dot = 0;
      for (int c = 0; c < d; ++c) dot += y(item.item, c) * u[c];
      lhs += confidence * y(item.item, r) * dot;
      rhs += (1 + confidence) * y(item.item, r);
    }
    EXPECT_NEAR(lhs, rhs, 1e-9) << r;
  }
  // The shopper leans to sneakers (weight 2) over bags.
  EXPECT_GT(u[0], u[1]);
  EXPECT_TRUE(FoldInUserVector(model, {}).empty());
}

TEST(Model, BrokenModelsAreRejectedWithThePath) {
  OwnedModel shop = Shop();
  ModelView view = shop.view();
  std::vector<uint32_t> neighbours(view.neighbour_items.begin(), view.neighbour_items.end());
  neighbours[0] = 999;
  view.neighbour_items = neighbours;
  Status status = ValidateModel(view);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(), "BAD_SNAPSHOT at neighbours.items[0]: index out of range");
  view = shop.view();
  view.gram = view.gram.subspan(0, 3);
  EXPECT_EQ(ValidateModel(view).error().ToString(), "BAD_SNAPSHOT at factors.gram: needs 16 values, has 3");

  ModelBuilder builder = ShopBuilder();
  builder.AddItem(Item("s1", {"x"}, "", {"DE"}));
  EXPECT_EQ(builder.Build().error().ToString(), "CONFLICT at items[17].id: duplicate item id 's1'");
  ModelBuilder dangling = ShopBuilder();
  dangling.AddNeighbour("s1", "nope", 1.0f);
  EXPECT_EQ(dangling.Build().error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace shopcore::reco

namespace shopcore::reco {
namespace {

using namespace testing;

TEST(Model, NonFiniteNumbersAreRejected) {
  // A NaN weight would turn every score into NaN (and a NaN cast traps in wasm).
  OwnedModel shop = Shop();
  ModelView view = shop.view();
  std::vector<float> weights(view.neighbour_weights.begin(), view.neighbour_weights.end());
  weights[2] = 0.0f / 0.0f;
  view.neighbour_weights = weights;
  EXPECT_EQ(ValidateModel(view).error().ToString(), "BAD_SNAPSHOT at neighbours.weights[2]: not a finite number");
  view = shop.view();
  std::vector<ContextConfig> contexts(view.contexts.begin(), view.contexts.end());
  contexts[1].event_weight[3] = 1.0f / 0.0f;
  view.contexts = contexts;
  EXPECT_EQ(ValidateModel(view).error().ToString(),
            "BAD_SNAPSHOT at contexts[1].event_weight[3]: not a finite number");
  view = shop.view();
  view.fold_in_lambda = 1.0f / 0.0f;
  EXPECT_EQ(ValidateModel(view).error().ToString(), "BAD_SNAPSHOT at factors.lambda: not a finite number");
}

}  // namespace
}  // namespace shopcore::reco
