# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agencies_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)
from . import resources_rc

class Ui_AgenciesDialog(object):
    def setupUi(self, AgenciesDialog):
        if not AgenciesDialog.objectName():
            AgenciesDialog.setObjectName(u"AgenciesDialog")
        AgenciesDialog.resize(860, 560)
        self.main_layout = QVBoxLayout(AgenciesDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.search_layout = QHBoxLayout()
        self.search_layout.setObjectName(u"search_layout")
        self.search_edit = QLineEdit(AgenciesDialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_layout.addWidget(self.search_edit)

        self.review_only_check = QCheckBox(AgenciesDialog)
        self.review_only_check.setObjectName(u"review_only_check")

        self.search_layout.addWidget(self.review_only_check)


        self.main_layout.addLayout(self.search_layout)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.agency_view = QTableView(AgenciesDialog)
        self.agency_view.setObjectName(u"agency_view")
        self.agency_view.setAlternatingRowColors(True)
        self.agency_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agency_view.setSortingEnabled(True)
        self.agency_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.body_layout.addWidget(self.agency_view)

        self.buttons_layout = QVBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.add_button = QPushButton(AgenciesDialog)
        self.add_button.setObjectName(u"add_button")
        icon = QIcon()
        icon.addFile(u":/icons/action-add.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.add_button.setIcon(icon)

        self.buttons_layout.addWidget(self.add_button)

        self.edit_button = QPushButton(AgenciesDialog)
        self.edit_button.setObjectName(u"edit_button")

        self.buttons_layout.addWidget(self.edit_button)

        self.confirm_button = QPushButton(AgenciesDialog)
        self.confirm_button.setObjectName(u"confirm_button")

        self.buttons_layout.addWidget(self.confirm_button)

        self.confirm_all_button = QPushButton(AgenciesDialog)
        self.confirm_all_button.setObjectName(u"confirm_all_button")

        self.buttons_layout.addWidget(self.confirm_all_button)

        self.prefill_button = QPushButton(AgenciesDialog)
        self.prefill_button.setObjectName(u"prefill_button")

        self.buttons_layout.addWidget(self.prefill_button)

        self.alias_button = QPushButton(AgenciesDialog)
        self.alias_button.setObjectName(u"alias_button")

        self.buttons_layout.addWidget(self.alias_button)

        self.buttons_spacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.aliases_caption = QLabel(AgenciesDialog)
        self.aliases_caption.setObjectName(u"aliases_caption")

        self.buttons_layout.addWidget(self.aliases_caption)

        self.aliases_list = QListWidget(AgenciesDialog)
        self.aliases_list.setObjectName(u"aliases_list")
        self.aliases_list.setMaximumSize(QSize(260, 16777215))

        self.buttons_layout.addWidget(self.aliases_list)

        self.remove_alias_button = QPushButton(AgenciesDialog)
        self.remove_alias_button.setObjectName(u"remove_alias_button")
        icon1 = QIcon()
        icon1.addFile(u":/icons/action-remove.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.remove_alias_button.setIcon(icon1)

        self.buttons_layout.addWidget(self.remove_alias_button)


        self.body_layout.addLayout(self.buttons_layout)


        self.main_layout.addLayout(self.body_layout)

        self.info_label = QLabel(AgenciesDialog)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setWordWrap(True)

        self.main_layout.addWidget(self.info_label)

        self.button_box = QDialogButtonBox(AgenciesDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(AgenciesDialog)
    # setupUi

    def retranslateUi(self, AgenciesDialog):
        AgenciesDialog.setWindowTitle(QCoreApplication.translate("AgenciesDialog", u"Danh m\u1ee5c c\u01a1 quan, \u0111\u01a1n v\u1ecb", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("AgenciesDialog", u"T\u00ecm c\u01a1 quan, \u0111\u01a1n v\u1ecb (kh\u00f4ng d\u1ea5u c\u0169ng \u0111\u01b0\u1ee3c)\u2026", None))
        self.review_only_check.setText(QCoreApplication.translate("AgenciesDialog", u"Ch\u1ec9 hi\u1ec7n c\u01a1 quan &c\u1ea7n x\u00e1c nh\u1eadn", None))
        self.add_button.setText(QCoreApplication.translate("AgenciesDialog", u"&Th\u00eam\u2026", None))
#if QT_CONFIG(tooltip)
        self.add_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"Th\u00eam m\u1ed9t hay nhi\u1ec1u c\u01a1 quan, \u0111\u01a1n v\u1ecb (v\u00ed d\u1ee5 c\u00e1c x\u00e3)", None))
#endif // QT_CONFIG(tooltip)
        self.edit_button.setText(QCoreApplication.translate("AgenciesDialog", u"\u0110\u1ed5i &t\u00ean, lo\u1ea1i\u2026", None))
#if QT_CONFIG(tooltip)
        self.edit_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"\u0110\u1ed5i t\u00ean, t\u00ean vi\u1ebft t\u1eaft ho\u1eb7c lo\u1ea1i c\u1ee7a c\u01a1 quan \u0111ang ch\u1ecdn", None))
#endif // QT_CONFIG(tooltip)
        self.confirm_button.setText(QCoreApplication.translate("AgenciesDialog", u"&X\u00e1c nh\u1eadn", None))
#if QT_CONFIG(tooltip)
        self.confirm_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"\u0110\u00e1nh d\u1ea5u c\u00e1c c\u01a1 quan \u0111ang ch\u1ecdn l\u00e0 \u0111\u00e3 ki\u1ec3m tra", None))
#endif // QT_CONFIG(tooltip)
        self.confirm_all_button.setText(QCoreApplication.translate("AgenciesDialog", u"X\u00e1c nh\u1eadn t\u1ea5t &c\u1ea3", None))
#if QT_CONFIG(tooltip)
        self.confirm_all_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"\u0110\u00e3 xem h\u1ebft danh m\u1ee5c: \u0111\u00e1nh d\u1ea5u m\u1ecdi c\u01a1 quan c\u00f2n \u201cC\u1ea7n x\u00e1c nh\u1eadn\u201d l\u00e0 \u0111\u00e3 ki\u1ec3m tra", None))
#endif // QT_CONFIG(tooltip)
        self.prefill_button.setText(QCoreApplication.translate("AgenciesDialog", u"Th\u00eam c\u00e1c \u0111\u01a1n v\u1ecb &tr\u1ef1c thu\u1ed9c", None))
#if QT_CONFIG(tooltip)
        self.prefill_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"Th\u00eam c\u00e1c x\u00e3, ph\u01b0\u1eddng, \u0111\u1eb7c khu c\u1ee7a t\u1ec9nh (ho\u1eb7c \u0111\u01a1n v\u1ecb c\u1ee7a c\u01a1 quan) theo danh m\u1ee5c \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh n\u0103m 2025", None))
#endif // QT_CONFIG(tooltip)
        self.alias_button.setText(QCoreApplication.translate("AgenciesDialog", u"Th\u00eam t\u00ean &g\u1ecdi kh\u00e1c\u2026", None))
#if QT_CONFIG(tooltip)
        self.alias_button.setToolTip(QCoreApplication.translate("AgenciesDialog", u"Th\u00eam m\u1ed9t c\u00e1ch vi\u1ebft kh\u00e1c c\u1ee7a t\u00ean (d\u00f9ng khi nh\u1eadp k\u1ebf ho\u1ea1ch)", None))
#endif // QT_CONFIG(tooltip)
        self.aliases_caption.setText(QCoreApplication.translate("AgenciesDialog", u"C\u00e1c c\u00e1ch vi\u1ebft trong v\u0103n b\u1ea3n:", None))
        self.remove_alias_button.setText(QCoreApplication.translate("AgenciesDialog", u"&B\u1ecf t\u00ean g\u1ecdi n\u00e0y", None))
        self.info_label.setText("")
    # retranslateUi

