// The reco module: on-device personalization. The shopper's profile stays on
// the device; the model (neighbours, factors, popularity, rules, weights)
// comes from the snapshot; Recommend ranks in real time.
#ifndef SHOPCORE_RECO_H_
#define SHOPCORE_RECO_H_

#include "shopcore/reco/context.h"
#include "shopcore/reco/decay.h"
#include "shopcore/reco/event.h"
#include "shopcore/reco/experiment.h"
#include "shopcore/reco/fold_in.h"
#include "shopcore/reco/json.h"
#include "shopcore/reco/model.h"
#include "shopcore/reco/model_builder.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/recommend.h"
#include "shopcore/reco/request.h"
#include "shopcore/reco/segments.h"
#include "shopcore/reco/span.h"

#endif  // SHOPCORE_RECO_H_
