/**
 * Few-shot segmentation networks as DJL blocks (internal to the inference module; no DJL type leaves it).
 *
 * <p>Backbones: {@link io.defectstudio.inference.nets.Backbones#create(String)} with {@code compact} (basic-block
 * ResNet, widths 24-48-96-192, 1.58 M parameters), {@code resnet18}, {@code resnet34}, {@code resnet50},
 * {@code mobilenet_v2_mid} or {@code inception_v3} (the ImageNet-derived MobileNetV2 and InceptionV3 of packages
 * {@code mobilenet} and {@code inception}, whose weights ship with the training module), or
 * {@link io.defectstudio.inference.nets.Backbones#builder()} for other ResNet depths and widths. Input: 3-channel
 * images (grey replicated), normalised by the caller. Output: layer1..layer4 at strides 4, 8, 16, 32.
 *
 * <p>Networks: {@link io.defectstudio.inference.nets.Architectures#create(String, String)} with {@code lerenet},
 * {@code eamnet}, {@code baseline} or {@code matcher} (training-free) on a backbone name; head width c from
 * {@link io.defectstudio.inference.nets.Architectures#defaultChannels(String, String)}. Initialise with
 * {@code net.initialize(manager, FLOAT32, (1,3,H,W), (1,K,3,H,W), (1,K,1,H,W))}. Then
 * {@code encodeSupport} once per support set and {@code decode} per query batch (an encoded support with batch 1
 * serves any number of queries); {@code forward([query, supportImages, supportMasks])} is both in one. Output
 * {@code [logits (B,1,H,W)]}, plus EAMNet's attention map {@code (B,1,H/4,W/4)} for the attention-distillation loss.
 * Both methods return only their outputs in the caller's manager: scope each call in a sub-manager.
 *
 * <p>{@link io.defectstudio.inference.nets.MatchingPrior} is the dense foreground/background matching shared by
 * FeatureMatcher (alone) and by LERENet and EAMNet (as a prior their heads refine), on features a
 * {@link io.defectstudio.inference.nets.MatchFusion} chosen by the backbone builds.
 */
package io.defectstudio.inference.nets;
