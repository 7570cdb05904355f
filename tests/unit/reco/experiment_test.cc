#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

ExperimentSpec FeedExperiment() {
  ExperimentSpec spec;
  spec.id = "feed-social-2026";
  // Treatment: social and popularity only, so the assignment shows in the ranking.
  spec.variants = {VariantSpec{"control", 70, {}},
                   VariantSpec{"social_heavy", 30,
                               {BlendOverride{Context::kHomeFeed, BlendWeights{{0, 0, 0, 1.0f, 5.0f, 0}}}}}};
  return spec;
}

TEST(Experiment, AssignmentIsStableAndPinned) {
  // Pinned values: both targets must compute the same hash.
  EXPECT_EQ(AssignmentHash("shopper-1", "feed-social-2026"), AssignmentHash("shopper-1", "feed-social-2026"));
  EXPECT_NE(AssignmentHash("shopper-1", "feed-social-2026"), AssignmentHash("shopper-1", "other"));
  EXPECT_EQ(AssignmentHash("shopper-1", "feed-social-2026"), 10232790561485970698u);
  EXPECT_EQ(AssignmentHash("", ""), 7019072827731199771u);
}

TEST(Experiment, VariantsGetTheirWeightedShare) {
  ModelBuilder builder = ShopBuilder();
  builder.AddExperiment(FeedExperiment());
  auto model = builder.Build();
  ASSERT_TRUE(model.ok());
  const Experiment& experiment = model->view().experiments[0];
  int treated = 0;
  const int shoppers = 20000;
  for (int i = 0; i < shoppers; ++i) {
    const std::string id = "shopper-" + std::to_string(i);
    const int variant = AssignVariant(experiment, id);
    ASSERT_TRUE(variant == 0 || variant == 1);
    ASSERT_EQ(variant, AssignVariant(experiment, id));
    treated += variant;
  }
  // 30% of 20,000 = 6,000; the hash is deterministic, so this count is exact.
  EXPECT_NEAR(treated, 6000, 200);
}

TEST(Experiment, TheVariantChangesTheBlendAndIsReported) {
  ModelBuilder builder = ShopBuilder();
  builder.AddExperiment(FeedExperiment());
  auto model = builder.Build();
  ASSERT_TRUE(model.ok());
  const Experiment& experiment = model->view().experiments[0];
  std::string control_id, treated_id;
  for (int i = 0; control_id.empty() || treated_id.empty(); ++i) {
    const std::string id = "s-" + std::to_string(i);
    (AssignVariant(experiment, id) == 0 ? control_id : treated_id) = id;
  }
  auto feed_for = [&](const std::string& shopper) {
    Profile profile(shopper);
    EXPECT_TRUE(profile.Track(ItemEvent(EventType::kView, "s1", kNow - 1000)).ok());
    Event friend_bought = ItemEvent(EventType::kFriendBought, "k3", kNow - kDay);
    friend_bought.friend_id = "ana";
    EXPECT_TRUE(profile.Track(friend_bought).ok());
    auto result = Recommend(model->view(), profile, HomeRequest("DE", 3));
    EXPECT_TRUE(result.ok());
    return *result;
  };
  Recommendation control = feed_for(control_id);
  Recommendation treated = feed_for(treated_id);
  ASSERT_EQ(control.experiments.size(), 1u);
  EXPECT_EQ(control.experiments[0].experiment, "feed-social-2026");
  EXPECT_EQ(control.experiments[0].variant, "control");
  EXPECT_EQ(treated.experiments[0].variant, "social_heavy");
  EXPECT_EQ(Ids(control), (std::vector<std::string>{"s3", "s2", "s1"}));
  EXPECT_EQ(Ids(treated), (std::vector<std::string>{"k3", "e1", "b1"}));
  EXPECT_NE(RecommendationToJson(treated).find(R"("experiments":[{"experiment":"feed-social-2026","variant":"social_heavy"}])"),
            std::string::npos);
}

}  // namespace
}  // namespace shopcore::reco
